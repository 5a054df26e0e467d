"""Pure extraction: page text in, tuinews dataclasses out (no I/O, no Textual)."""
