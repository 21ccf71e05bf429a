"""The live sample buffer: running and completed samples of a running eval, for viewers.

While an eval runs, each log has a small SQLite database in the user data directory
(``location.py``) holding its samples (status and summary), the events of running samples
and the data of recently completed ones. The runner feeds it through ``writer.py`` (a
worker thread: the event loop only appends to a queue); other processes read it with
``reader.py``. ``shared.py`` copies it next to the log for viewers on other machines
(``log_shared``). The database is deleted when the eval ends; ``stale.py`` removes those
left behind by processes that died.
"""
