"""The small ⌖ button beside a tagged value: "make this the evidence target; show its passage".

It shows whether its value is tagged (enabled) and, in its tooltip, the quoted passage that
is the tag's evidence.  The crosshair is painted, not taken from a font: fonts without
U+2316 are common.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from annotator.core.store import Tag
from annotator.gui.texts import isolate, plain_tip, shorten

AIM = "\u2316"  # ⌖ POSITION INDICATOR: "show / use this tag's evidence"


def aim_icon(color: QColor) -> QIcon:
    """A crosshair (like ⌖), painted."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.5))
    painter.drawEllipse(QPointF(16, 16), 9, 9)
    for x1, y1, x2, y2 in ((16, 2, 16, 10), (16, 22, 16, 30), (2, 16, 10, 16), (22, 16, 30, 16)):
        painter.drawLine(x1, y1, x2, y2)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(16, 16), 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


class AimButton(QToolButton):
    """⌖: "this tag is the evidence target; show its evidence"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(AIM)
        self.setAccessibleName(AIM)
        self.setIcon(aim_icon(
            parent.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)))
        self.setIconSize(QSize(16, 16))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setAutoRaise(True)

    def show_tag(self, tag: Tag | None) -> None:
        """Enabled for an existing tag; the tooltip shows its quote, if any."""
        # Always set: isEnabled() also reflects a disabled form, so it cannot tell what to skip.
        self.setEnabled(tag is not None)
        if tag is not None and tag.has_span:
            # The quote is article text: escaped (plain_tip) and isolated (FSI ... PDI) so
            # neither markup nor a bidi control in it changes the rest of the tooltip.
            tip = plain_tip(self.tr("Evidence: %1 (click to show it in the article)").replace(
                "%1", isolate(f"«{shorten(tag.quote or '')}»")
            ))
        else:
            tip = self.tr(
                "Make this the evidence target: select text in the article and "
                "attach it as evidence"
            )
        if self.toolTip() != tip:
            self.setToolTip(tip)
