"""Settings for bench/api_submission_ceiling.py: the product's, with the URLs of bench/replay_urls.py."""

from phoihop.settings import *  # noqa: F403

ROOT_URLCONF = "replay_urls"
