import LerendExpressions
import Testing

/// Every name of the function library means one function.
@Suite struct FunctionLibraryTests {
    @Test func theStandardLibraryRegistersNoNameTwice() {
        #expect(FunctionLibrary.standard.duplicateNames == [])
    }

    @Test func registeringANameTwiceIsRecorded() throws {
        let first = try #require(FunctionLibrary.standard["datum"])
        var library = FunctionLibrary([first])
        library.register(try #require(FunctionLibrary.standard["date"]).alias("datum"))
        #expect(library.duplicateNames == ["datum"])
    }

    @Test func dateMakesADateAndDatumPrintsOne() throws {
        #expect(try Check.printed("date('2026-03-10') | datum('kort')") == "10-03-2026")
        #expect(try Check.printed("datum(date(2026, 3, 10))") == "dinsdag 10 maart 2026")
    }
}
