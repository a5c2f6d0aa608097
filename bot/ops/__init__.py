"""Running the assistant: settings, secrets and processes.

The typed settings every process reads at start, the local development secrets, `make run`'s
process supervisor, the queue CLI (`python -m bot`), the Telegram admin client, channel limits,
sender ids and the outbox worker. Kept apart from the domain so that the conversation and the
understanding can be read and tested without knowing how they are deployed.
"""
