"""Every change this project makes to Rasa 3.6 and rasa_sdk, in one package.

Rasa 3.6 is the last open-source line, so patching it is fair, but a maintainer must see every
patch at once. `registry.PATCHES` lists each one (its target, why, and the test that fails
without it) in the order `registry.apply` applies them, after refusing any Rasa but the pinned
one; `registry.HOOKS` lists the classes Rasa loads by name from our configuration instead.
The modules hold the patches by subject: `turns` (a failing action, the session start, what is
read under the conversation lock, retried messages, the action server's secret), `speed` (the
cost of a turn, flat in the length of a conversation), `validation` (`make validate`) and `nlg`
(the helpline numbers, a hook); the garbage-collection patches live in addons/heap.py.
"""
