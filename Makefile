# Shortcuts for the two commands of the README's quick start.
.PHONY: example test templates schemas
example:
	sh scripts/example.sh
test:
	sh scripts/test.sh
# Remake the built-in templates and the JSON Schemas after changing layout numbers or models.
templates:
	.venv/bin/python tools/make_templates.py
schemas:
	.venv/bin/vbdocs schema -o vbdocs/schemas
