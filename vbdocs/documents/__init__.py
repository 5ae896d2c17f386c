"""Document content: what each kind of document says, built from a validated
campaign in the Decree's conventions, ready for a template. One module per kind."""
