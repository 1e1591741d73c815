"""Realistic NumPy programs, each a module with ``run(np)``: the same code runs with ``numpy``
and with ``tbridge`` (tests/test_programs.py compares the two)."""
