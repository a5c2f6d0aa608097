"""Every exception the domain core raises, under one root.

Callers catch ``MeedenkerError`` or one documented subclass, never a list of classes by name.
Each class keeps the builtin base its callers already rely on (``ValueError``, ``RuntimeError``,
``LookupError``), so ``except ValueError`` still works where it did. The tree::

    MeedenkerError
    ├── ConfigError                    a setting or file is wrong; the start stops, naming it
    │   ├── SettingsError              (RuntimeError)  bot.ops.settings: an environment variable
    │   ├── QueueKeyError              (RuntimeError)  bot.queue.crypto: MEEDENKER_SECRET_KEY
    │   │   ├── InvalidSecretKeyError                  not a Fernet key
    │   │   └── WrongSecretKeyError                    not the key the queue was written with
    │   ├── HelplineConfigError        (ValueError)    bot.municipality.helplines
    │   ├── OfficeHoursError           (ValueError)    bot.municipality.office_hours
    │   ├── SocialeKaartError          (ValueError)    bot.municipality.sociale_kaart
    │   ├── GemeentenDataError         (ValueError)    bot.municipality.gemeenten
    │   ├── FaqError                   (ValueError)    bot.conversation.faq
    │   ├── LexiconError               (ValueError)    bot.understanding.classifier
    │   ├── EvalFileError              (ValueError)    bot.understanding.evaluation
    │   └── ConversationFileError      (ValueError)    bot.conversation.conversation_cases
    ├── NotFound                       (LookupError)   no such ticket, account, meedenker or signal
    │                                                  (or not in this user's gemeenten)
    ├── RequestRefused                 a coordinator's request that cannot be done as asked
    │   ├── Conflict                   (RuntimeError)  bot.dashboard.repository: an older version
    │   ├── AtCapacity                 (RuntimeError)  bot.dashboard.repository: meedenker is full
    │   ├── Invalid                    (ValueError)    bot.dashboard.repository: a form value
    │   └── WeakPassword               (ValueError)    bot.dashboard.passwords
    ├── DeliveryError                  an outside service will not take a message or a request
    │   ├── PermanentMailError         (RuntimeError)  bot.mail.smtp: do not retry
    │   ├── Refused                    (RuntimeError)  bot.followup.delivery: do not retry
    │   └── TelegramAdminError         (RuntimeError)  bot.ops.telegram_admin: webhook not set
    ├── HashPoolBusy                   (RuntimeError)  bot.dashboard.hashing: too many waiting
    ├── BlockingCallOnLoop             (RuntimeError)  bot.dashboard.repository: a bug, not a state
    └── CliError                                       bot.ops.cli: one line and an exit code

The leaves live beside the code that raises them; the root and the shared branches live here.
"""
from __future__ import annotations


class MeedenkerError(Exception):
    """The root of every exception the domain core raises on purpose."""


class ConfigError(MeedenkerError):
    """A setting or configuration file is wrong; the message names it. Stops the start."""


class NotFound(MeedenkerError, LookupError):
    """No such thing (ticket, account, meedenker, signal), or not in this user's gemeenten: the
    same answer for both, so a coordinator cannot probe for tickets of other gemeenten."""


class RequestRefused(MeedenkerError):
    """A coordinator's request that cannot be done as asked; the view says why."""


class DeliveryError(MeedenkerError):
    """An outside service (SMTP, Telegram, WhatsApp) will not take a message or a request."""
