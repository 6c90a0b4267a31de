"""`python -m reportedly.spark` (or `spark-submit src/reportedly/spark/job.py`): the Spark job."""

import sys

from .job import main

sys.exit(main())
