"""Shared pytest configuration: fixtures live in feature modules registered here."""

pytest_plugins = ["tests.fixtures.db", "tests.fixtures.telegram"]
