from . import SCHEMA_FILE, render

SCHEMA_FILE.write_text(render(), encoding="utf-8")
print(f"written: {SCHEMA_FILE}")
