"""Facts a municipality owns and edits without code.

The sociale kaart (organisations per region), the list of gemeenten and the places that lie in
them, the meedenkers' office hours, the helpline numbers with their hours, and the reader of these
YAML files that names the file when something is wrong. Kept apart so that an operator's edit in
`config/` or `bot/municipality/data/` has one place in the code that reads it.
"""
