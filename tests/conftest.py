"""Shared pytest configuration: fixtures live in feature modules registered here."""

pytest_plugins = ["tests.fixtures_db", "tests.fixtures_telegram"]
