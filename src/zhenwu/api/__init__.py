"""The JSON API at /api/v1/: a thin layer over the same services and scoping helpers the pages use.

Nothing here decides a rule: each endpoint reads its input, calls the function the matching
view calls, and turns the result or the refusal into JSON (see ``errors``).
"""
