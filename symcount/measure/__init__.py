"""Measure: exact integer polynomials (poly) of parameters (count), cost (cost, ops), layers
(stack), sizes (sizes), and what is solved over them (solve, compare)."""
