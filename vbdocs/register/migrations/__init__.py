"""The register's schema migrations (Alembic), run when a register is opened."""
