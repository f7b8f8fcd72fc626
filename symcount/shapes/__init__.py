"""Shapes: every weight's dimensions from conformability alone. Roles of symbols (roles), the
unifying walk (unify) with one rule per operator (rules) and per function kind (functions), linear
dimensions and their solver (dims), the phases wired (infer)."""
