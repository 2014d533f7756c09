"""Alembic migrations for the ledger (a package so installed copies ship them)."""
