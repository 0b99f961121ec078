"""What happens to a request that the features above may act on, without cases knowing them.

``document_added`` is sent inside the transaction that stores a document, with
``request``, ``document`` and ``actor``: adjudication takes a party's upload to
a request waiting for evidence as the answer, in that same transaction.
"""

from django.dispatch import Signal

document_added = Signal()
