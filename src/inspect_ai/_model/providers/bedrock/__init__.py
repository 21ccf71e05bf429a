"""``bedrock``: models on AWS Bedrock through the Converse API of ``boto3``.

Every module here uses ``boto3``/``botocore``, so importing the provider without them
fails at once with one line naming ``pip install boto3``.
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("boto3", "boto3", "bedrock")
