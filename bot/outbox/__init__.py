"""Broadcasts and reminders: an outbox in the database, delivered at Telegram's pace.

``model`` holds the value types and the :class:`~bot.outbox.model.Sender` protocol the
Telegram edge implements; ``pacing`` and ``schedule`` are pure; ``delivery`` claims rows,
paces and records outcomes; ``service`` and ``reminders`` are the commands.
"""
