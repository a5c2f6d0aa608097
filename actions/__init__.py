"""Thin rasa-sdk adapters: each action hands the tracker to bot/ and sends what bot/ decides."""
