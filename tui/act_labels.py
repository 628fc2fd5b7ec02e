"""Short labels of statement acts, as the app shows them (no textual here: the command line uses them)."""

from __future__ import annotations

ACT_SHORT = {
    "claim": "claim", "denial": "denial", "accusation": "accuse", "threat": "threat",
    "response": "reply", "demand": "demand", "condemnation": "condemn", "prediction": "predict",
    "confirmation": "confirm", "retraction": "retract",
}
ACT_TINY = {
    "claim": "clm", "denial": "deny", "accusation": "accu", "threat": "thrt", "response": "resp",
    "demand": "dmnd", "condemnation": "cndm", "prediction": "pred", "confirmation": "conf",
    "retraction": "retr",
}
