"""Understanding what a resident writes, before anything is said back.

The crisis rules and nets (danger first, per route: 113, 112, Veilig Thuis), masking of personal
data, noise and language detection, the werkmodel (leefgebieden × doelgroepen) with its classifier
and routing, the sentence encoder and the spaCy pipeline, and the evaluation that scores all of
this. Nothing here decides what to answer; that is `bot.conversation`. Kept together because
the NLU components in `addons/` and the dialogue both read a message through these modules.
"""
