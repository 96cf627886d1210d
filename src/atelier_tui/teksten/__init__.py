"""All Dutch user-facing messages live in this package, one module per layer or subject:
``store`` (saving, locking, damaged files; it words the store's codes), ``validation`` (the words
for validation errors), ``cli`` (command line), ``ui`` (screens) and a few per step.
Built-in workshop content (ladders, questions, ...) lives in ``domain/content/`` instead.
"""
