"""Settings for the test suite: the normal settings with a local secret, a fast hasher and a temporary data folder."""

import os
import tempfile

os.environ.setdefault("PHOIHOP_LOCAL", "true")
os.environ.setdefault("PHOIHOP_FAST_HASHER", "1")
os.environ.setdefault("PHOIHOP_DATA_DIR", tempfile.mkdtemp(prefix="phoihop-test-"))

from phoihop.settings import *  # noqa: E402,F403

AXES_ENABLED = False
MEDIA_ROOT = DATA_DIR / "media"  # noqa: F405
STATIC_ROOT = DATA_DIR / "static"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
