"""Alembic's environment for the register: always given an open connection by
``vbdocs.register.store``, which runs the migrations inside its own transaction."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
context.run_migrations()
