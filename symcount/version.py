"""The package's version, in a module of its own so that any stage may read it without importing
the package's entry points."""
__version__ = "0.1.0"
