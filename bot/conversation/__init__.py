"""What the assistant says next, turn by turn.

The dialogue table (pending step × kind of message → handler), the turn that runs it, the callback
form and its contact details, intake, the FAQ, the spoed (urgent) path, escalation to a meedenker
(opschalen), the tone (je/u), summaries and transcripts. Replies are response names from
`domain.yml`, never text built in Python. Kept together because a change to one step of a
conversation touches these modules and no others.
"""
