"""The naive reference app for bench/public_load.py: what `startproject` gives, one form."""
