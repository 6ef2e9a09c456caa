"""The page shell and small view functions: each takes frames and draws one thing."""
