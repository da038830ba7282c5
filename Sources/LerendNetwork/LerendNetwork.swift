/// The domain layer: networks, plugins, rules and workflows.
enum LerendNetworkModule {}
