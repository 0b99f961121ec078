import re
from pathlib import Path

from paroledesk.core.lifecycle import mermaid_diagram

ROOT = Path(__file__).resolve().parents[2]


def test_the_state_diagram_in_the_architecture_doc_is_the_lifecycle_table():
    text = (ROOT / "docs" / "architecture.md").read_text()
    block = re.search(r"```mermaid\n(.*?)```", text, re.DOTALL)
    assert block is not None, "docs/architecture.md has no mermaid block"
    assert block.group(1) == mermaid_diagram(), (
        "docs/architecture.md is out of date: paste in paroledesk.core.lifecycle.mermaid_diagram()"
    )


def test_every_setting_read_from_the_environment_is_documented_in_env_example():
    settings_text = (ROOT / "config" / "settings.py").read_text()
    names = set(
        re.findall(r'(?:env_(?:str|bool|int|list)|_kept_secret)\(\s*"([A-Z_]+)"', settings_text)
    )
    example = (ROOT / ".env.example").read_text()
    assert names
    assert sorted(name for name in names if f"{name}=" not in example) == []
