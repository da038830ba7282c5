import LerendDiagnostics

extension ResourceLocator {
    /// "gezocht in: ..." notes, one per place.
    func searchedNotes(_ places: [Place]) -> [String] {
        places.isEmpty ? ["nergens gezocht: er is geen map om in te zoeken"] : places.map { "gezocht in \($0)" }
    }

    /// The one variable that makes every resource findable.
    static let homeHint =
        "zet LEREND_HOME op de map van Lerend met Plugins/ en Templates/ "
        + "(na installatie /usr/local/share/lerend of /usr/share/lerend)"

    /// The message when the plugins a network names are not found.
    func pluginsMissing(_ problems: [Diagnostic], found: [String]) -> [Diagnostic] {
        problems.map { problem in
            var diagnostic = problem
            guard diagnostic.id == "P101" else { return diagnostic }
            if found.isEmpty {
                diagnostic.hint =
                    "er is geen enkele plugin gevonden; " + Self.homeHint
                    + ", of geef de map met pluginbundels met --plugins MAP"
            } else if diagnostic.hint?.hasPrefix("beschikbaar") == true {
                diagnostic.hint = (diagnostic.hint ?? "") + "; een eigen plugin geef je mee met --plugins MAP"
            }
            diagnostic.notes += searchedNotes(pluginPlaces)
            return diagnostic
        }
    }
}
