"""The words of `paroledesk import`: read by `paroledesk --help` before Django is set up,
so this module imports nothing of Django."""

INTAKE_ACCOUNT = "paper-intake"

IMPORT_DESCRIPTION = (
    "File paper filings in bulk. FILE holds one filing document (the API's JSON shape) "
    'per line. Each line is a paper filing unless it says "channel": "online", and is '
    "received on its received_on date (today when absent; a date in the future refuses "
    "the line). Every line is checked as a filing through the API is; a refused line does "
    "not stop the others. Importing the same file again files nothing twice: lines filed "
    "before are reported with their first receipt numbers. A summary goes to standard "
    "error at the end. Exit status: 0 when the file was read through, 2 when it could not "
    "be read, 1 when the database stopped the import partway."
)
RESULTS_HELP = (
    "write the results here instead of standard output: one JSON line per input line, "
    'counted from 1: {"line": N, "receipt_number": "..."} or {"line": N, "errors": [...]}'
)
AS_HELP = (
    "the requestor or representative account that files the requests (default: "
    f"{INTAKE_ACCOUNT}, an account with the representative role made on first use). "
    "The account decides only who may see the requests as a party: it sees every request "
    "it imported, as a representative sees those of the people they file for. The rules "
    "come from each document, so a document whose requestor is a representative still "
    "needs its G-28 (bar or accreditation number). A line is 'the same' for the same "
    "account only: another account would file it again."
)
