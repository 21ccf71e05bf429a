"""Fake model API servers for offline provider tests.

``http.py`` is the generic server (127.0.0.1, random port, background threads, every request
recorded, answers from a queue of scripted responses); each vendor module (``openai.py``, ...)
adds builders for that vendor's response and error bodies.
"""
