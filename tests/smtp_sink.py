#!/usr/bin/env python3
"""A real SMTP server on loopback for the alerts tests (Debian's python3-aiosmtpd).

  smtp_sink.py serve PORT DIR   accepts every message, writes each to DIR/NNNN.eml, until SIGTERM
  smtp_sink.py read DIR         prints the messages in DIR as JSON, decoded by Python's own
                                e-mail parser (RFC 2047 subjects, base64 bodies): a parser that
                                is not amity's
"""
import email
import email.policy
import json
import os
import signal
import sys
import threading


def serve(port, folder):
    from aiosmtpd.controller import Controller

    os.makedirs(folder, exist_ok=True)
    lock = threading.Lock()

    class Keep:
        async def handle_DATA(self, server, session, envelope):
            with lock:
                n = len([f for f in os.listdir(folder) if f.endswith(".eml")])
                path = os.path.join(folder, "%04d" % (n + 1))
                with open(path + ".tmp", "wb") as out:
                    out.write(envelope.original_content)
                with open(path + ".json", "w") as out:
                    json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, out)
                os.rename(path + ".tmp", path + ".eml")
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


def read(folder):
    messages = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            raw = f.read()
        with open(os.path.join(folder, name[:-4] + ".json")) as f:
            envelope = json.load(f)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain",))
        raw_head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
        messages.append({
            "file": name,
            "envelope_to": envelope["to"],
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "raw_subject": raw_head.split("Subject: ", 1)[1].split("\r\n", 1)[0]
            if "Subject: " in raw_head else "",
            "message_id": str(message["Message-ID"]),
            "date": str(message["Date"]),
            "list_unsubscribe": str(message["List-Unsubscribe"] or ""),
            "list_unsubscribe_post": str(message["List-Unsubscribe-Post"] or ""),
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": str(part["Content-Transfer-Encoding"]),
            "body": part.get_content(),
            "head_ascii": all(ord(c) < 128 for c in raw_head),
        })
    json.dump(messages, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        read(sys.argv[2])
