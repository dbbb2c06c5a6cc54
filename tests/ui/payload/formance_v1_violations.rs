//! Formance v1: `minimum: 0` on a big integer, a date-time that is not RFC 3339 (`format`), an
//! undocumented status (`enum`), and a fraction where an integer is required (`type`).

use payments_models::formance_v1;

fn main() {
    let _request = formance_v1::create_payment_request!({
        "reference": "ref-1", "connectorID": "stripe", "createdAt": "2023-11-07",
        "amount": -1234567890123456789012345678901234567890,
        "type": "PAY-IN", "status": "SETTLED", "scheme": "visa", "asset": "USD/2"
    });
    let _adjusted = formance_v1::create_payment_request!({
        "reference": "ref-1", "connectorID": "stripe", "createdAt": "2023-11-07T05:31:56Z",
        "amount": 10.5, "type": "PAY-IN", "status": "PENDING", "scheme": "visa", "asset": "USD/2"
    });
}
