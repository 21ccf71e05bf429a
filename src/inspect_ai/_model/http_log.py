"""The ``http`` log level: model API requests and retries (between debug and info)."""

import logging

HTTP_LEVEL = 15
"""Records of model API traffic are logged at this level; ``--log-level http`` shows them."""

logging.addLevelName(HTTP_LEVEL, "HTTP")
