"""Progress figures reported by units: reading a report message, checking it, its status.

No Telegram and no SQL here except in ``service`` modules: :mod:`parse` reads a message into
figures (:mod:`periods`, :mod:`amounts`), which the confirmation card shows before anything
is saved.
"""
