"""The register's first schema: its entries and the counters of its sequences.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "register_counter",
        sa.Column("agency", sa.String(64), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("sequence", sa.String(64), primary_key=True),
        sa.Column("last_number", sa.Integer, nullable=False),
    )
    op.create_table(
        "register_entry",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("agency", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sequence", sa.String(64), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("notation", sa.String(200), nullable=False),
        sa.Column("issued", sa.Date, nullable=False),
        sa.Column("type_name", sa.String(100), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signer_title", sa.String(200), nullable=False),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("filing", sa.Text, nullable=False),
        sa.Column("copies", sa.Integer, nullable=False),
        sa.Column("drafting_unit", sa.String(64), nullable=False),
        sa.Column("drafter", sa.String(200), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("priority", sa.Integer, nullable=False, server_default="0"),
        sa.Column("secret", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("withdrawn", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("agency", "year", "sequence", "number", name="register_entry_number_once"),
    )
    op.create_index("register_entry_source", "register_entry", ["source"])


def downgrade() -> None:
    op.drop_index("register_entry_source", "register_entry")
    op.drop_table("register_entry")
    op.drop_table("register_counter")
