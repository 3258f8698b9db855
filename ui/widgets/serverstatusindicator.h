#pragma once

#include "widgets/clickablelabel.h"

namespace llmos {

class ServerController;

// The status bar's slot for the API server: hidden while it is stopped; its address
// while it runs; red, with the reason in the tooltip, while the last minute crosses an
// alert threshold of the Server page. A click asks to see the Server page.
class ServerStatusIndicator : public ClickableLabel {
    Q_OBJECT
public:
    explicit ServerStatusIndicator(ServerController &server, QWidget *parent = nullptr);

    bool alerting() const { return m_alerting; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    ServerController &m_server;
    bool m_alerting = false;
};

} // namespace llmos
