"""What the command line writes on the terminal: messages on standard error with their control
characters escaped, and the output on standard output in its encoding, whatever the locale."""
from __future__ import annotations

import codecs
import os
import sys

from ..errors import UsageError


def say(text: str) -> None:
    """A message on standard error, its control characters escaped (a file name or an excerpt of the
    input must not drive the terminal); nothing when standard error is closed."""
    from ..read.source import escaped
    if sys.stderr is not None:
        try:
            sys.stderr.write(escaped(text))
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def emit(text: str, out) -> None:
    """The output on standard output, in its encoding whatever the locale: a character it cannot
    encode is written as a \\uXXXX escape (valid JSON, readable in text)."""
    if out is None:
        raise UsageError("cannot write the output: standard output is closed", hint="use --output FILE")
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, errors=_ESCAPE).decode(encoding)
    except LookupError:
        pass
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write the output: {getattr(exc, 'strerror', None) or exc}") from None


def _u_escape(exc: UnicodeEncodeError):
    out = []
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


_ESCAPE = "symcount-u-escape"
codecs.register_error(_ESCAPE, _u_escape)


def quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
