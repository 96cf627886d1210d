"""All Dutch user-facing messages live in this package, one module per layer:
``store`` (saving, locking, damaged files), ``cli`` (command line) and ``ui`` (screens).
Built-in workshop content (ladders, questions, ...) lives in ``domain/content/`` instead.
"""
