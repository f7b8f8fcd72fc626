"""symcount: exact closed-form parameter counts for recurrent cells written in LaTeX."""
__version__ = "0.1.0"
