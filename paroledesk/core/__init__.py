"""The rules of humanitarian parole as plain Python, with no database.

Everything here (roles, business days, the request lifecycle, receipt
numbers and dated policy) is pure and importable without Django, so the
rules can be tested quickly and reused by the web app, the API, the command
line and the daily sweep alike.
"""
