"""Draw the app icon's PNG sizes (and the Windows .ico) from its SVG.

Run from anywhere, with the Python that has PySide6 installed (no display needed)::

    python packaging/icons.py

``resources/icons/annotator.svg`` is the source; this writes
``resources/icons/annotator-{16,22,24,32,48,64,128,256,512}.png`` (the window's icon, and
the hicolor theme sizes that ``packaging/install-desktop`` installs) and ``annotator.ico``
(16 to 256, for a Windows build).  Commit them with the SVG.  The icons live with the
resources, not in ``packaging/``, because the window shows them too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[QImage]) -> bytes:
    """A Windows icon file holding each image as PNG (Vista and later read those)."""
    pngs = [png_bytes(image) for image in images]
    head = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(pngs).to_bytes(2, "little")
    entries, offset = b"", 6 + 16 * len(pngs)
    for image, png in zip(images, pngs, strict=True):
        side = image.width() % 256  # 0 stands for 256
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + \
            (32).to_bytes(2, "little") + len(png).to_bytes(4, "little") + \
            offset.to_bytes(4, "little")
        offset += len(png)
    return head + entries + b"".join(pngs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "annotator.svg"))
    if not renderer.isValid():
        print("packaging/icons.py: resources/icons/annotator.svg is not a valid SVG",
              file=sys.stderr)
        return 1
    for size in SIZES:
        (ICONS / f"annotator-{size}.png").write_bytes(png_bytes(render(renderer, size)))
    (ICONS / "annotator.ico").write_bytes(ico([render(renderer, s) for s in ICO_SIZES]))
    del app
    print(f"wrote {len(SIZES)} PNG sizes and annotator.ico in resources/icons")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
