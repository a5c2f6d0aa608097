"""The coordinators' dashboard: a Sanic app (app factory in app.py) over the callback queue.

Coordinators work the queue of their gemeenten; admins manage accounts and meedenkers. Pages are
server-rendered Jinja2 templates that work without JavaScript. Every database call runs in a
thread (repository.py), so the event loop never waits on SQLAlchemy.
"""
