"""What the bot says in Telegram besides answers (which come from the core), in Vietnamese.

Texts that end up inside HTML are written already escaped where they hold markup; every
value put into them is escaped by the caller.
"""

from __future__ import annotations

BACK = "⬅️ Quay lại"
BROWSE_TARGETS = "📋 Xem các chỉ tiêu"
OTHER_YEAR = "📅 Nghị quyết năm {year}"
BROWSE_TASKS = "🗂 Xem các nhiệm vụ"

WELCOME = (
    "Xin chào {name}!\n"
    "Tôi là bot hỏi đáp về <b>{title}</b>.\n\n"
    "Đồng chí có thể:\n"
    "• gõ câu hỏi bằng tiếng Việt, có dấu hay không dấu đều được, ví dụ "
    "“chỉ tiêu che phủ rừng năm 2020?”;\n"
    "• xem các chỉ tiêu chủ yếu: /chitieu;\n"
    "• xem các nhiệm vụ chủ yếu: /nhiemvu;\n"
    "• tra cứu ngay trong cuộc trò chuyện khác: gõ @{bot} rồi câu hỏi.\n"
)
WELCOME_ADMIN = (
    "\nVới quyền quản trị, đồng chí còn dùng được:\n"
    "• /chuatraloi [số ngày] – những câu hỏi bot chưa trả lời được;\n"
    "• /taila – nạp lại dữ liệu Nghị quyết;\n"
    "• /quyen &lt;user id&gt; &lt;admin|baocao|xem|xoa&gt; [đơn vị] – cấp, đổi, bỏ quyền;\n"
    "• /duyet – đề nghị đăng ký báo cáo đang chờ duyệt;\n"
    "• /xuat [csv] – xuất tiến độ ra tệp Excel.\n"
)
WELCOME_EXAMPLES = "\nBấm thử một câu hỏi mẫu:"
WELCOME_GROUP = (
    "Xin chào cả nhóm! Tôi trả lời câu hỏi về <b>{title}</b>.\n"
    "Trong nhóm, tôi chỉ trả lời khi được hỏi:\n"
    "• /hoi &lt;câu hỏi&gt;, ví dụ: /hoi chỉ tiêu che phủ rừng;\n"
    "• nhắc tên @{bot} kèm câu hỏi;\n"
    "• hoặc trả lời (reply) một tin nhắn của tôi.\n"
    "Xem danh sách: /chitieu, /nhiemvu."
)
HELP = (
    "<b>Cách hỏi</b>\n"
    "Gõ câu hỏi về một chỉ tiêu hoặc nhiệm vụ của Nghị quyết, ví dụ:\n"
    "• tỷ lệ che phủ rừng\n"
    "• kim ngạch xuất khẩu năm 2020\n"
    "• ai ký nghị quyết\n"
    "Gõ có dấu hay không dấu đều được. Nếu câu hỏi có thể hiểu theo nhiều cách, tôi sẽ đưa "
    "ra các lựa chọn để đồng chí bấm.\n\n"
    "<b>Các lệnh</b>\n"
    "/chitieu – các chỉ tiêu chủ yếu, theo nhóm\n"
    "/nhiemvu – các nhiệm vụ chủ yếu\n"
    "/hoi &lt;câu hỏi&gt; – hỏi (cần dùng trong nhóm)\n"
    "/huy – huỷ thao tác đang làm\n\n"
    "<b>Báo cáo số liệu</b> (nhắn riêng cho bot)\n"
    "/dangky &lt;đơn vị&gt; – đăng ký báo cáo cho đơn vị, quản trị duyệt\n"
    "/capnhat &lt;chỉ tiêu&gt; &lt;số liệu&gt; [kỳ] – gửi số liệu, hoặc nhắn "
    "“cập nhật che phủ rừng 54,2% tháng 6”; bot hỏi lại trước khi lưu\n"
    "/rutlai – rút lại số liệu vừa gửi\n"
    "/tiendo [chỉ tiêu] – tiến độ thực hiện các chỉ tiêu\n\n"
    "<b>Trong nhóm</b>: dùng /hoi, nhắc tên @{bot}, hoặc trả lời tin nhắn của tôi.\n"
    "<b>Ở cuộc trò chuyện khác</b>: gõ @{bot} rồi câu hỏi để chèn câu trả lời."
)

ASK_USAGE = "Đồng chí gõ câu hỏi sau lệnh, ví dụ: /hoi chỉ tiêu che phủ rừng"
ASK_MENTION_EMPTY = "Đồng chí cần hỏi gì về Nghị quyết? Ví dụ: tỷ lệ che phủ rừng."
NOTHING_TO_CANCEL = "Hiện không có thao tác nào đang thực hiện để huỷ."
PROGRESS_PRIVATE_ONLY = (
    "Lệnh này chỉ dùng khi nhắn riêng cho bot: đồng chí mở @{bot} để đăng ký, báo cáo số liệu "
    "hoặc xem tiến độ."
)
UNKNOWN_COMMAND = "Tôi không có lệnh này. Gõ /help để xem các lệnh và cách hỏi."
MEDIA_HINT = (
    "Tôi chỉ đọc được câu hỏi bằng chữ. Đồng chí gõ câu hỏi về Nghị quyết, ví dụ: "
    "“tỷ lệ che phủ rừng”, hoặc gõ /chitieu để xem danh sách chỉ tiêu."
)
SLOW_DOWN = (
    "Đồng chí đang gửi hơi nhiều tin nhắn. Xin chờ khoảng một phút rồi hỏi tiếp; "
    "các tin gửi trong lúc này sẽ không được trả lời."
)
#: A callback answer (a toast, at most 200 characters).
SLOW_DOWN_BUTTON = "Đồng chí bấm hơi nhiều. Xin chờ khoảng một phút rồi bấm tiếp."
SORRY = "Xin lỗi, tôi gặp sự cố khi trả lời. Đồng chí vui lòng thử lại sau ít phút."
ITEM_GONE = (
    "Nội dung này không còn trong dữ liệu (dữ liệu vừa được cập nhật). Gõ /chitieu để xem lại."
)

TARGET_GROUPS = "<b>Các chỉ tiêu chủ yếu năm {year}</b> (mục II.1). Chọn một nhóm:"
TASK_GROUPS = "<b>Các nhiệm vụ chủ yếu năm {year}</b> (mục II.2). Chọn một nhóm nhiệm vụ:"

ADMIN_ONLY = "Lệnh này chỉ dành cho quản trị viên của bot."
ADMIN_PRIVATE_ONLY = "Lệnh quản trị chỉ dùng trong cuộc trò chuyện riêng với bot @{bot}."
UNANSWERED_USAGE = "Cú pháp: /chuatraloi [số ngày từ 1 đến 365], ví dụ: /chuatraloi 30"
UNANSWERED_NONE = "Không có câu hỏi nào chưa trả lời được trong {days} ngày qua."
UNANSWERED_HEAD = "<b>Câu hỏi chưa trả lời được trong {days} ngày qua</b> (hỏi nhiều nhất trước):"
RELOADING_FAILED = (
    "<b>Không nạp lại được</b>: tệp tri thức có {count} lỗi. Bot vẫn dùng dữ liệu cũ.\n{problems}"
)
MORE_PROBLEMS = "… và {count} lỗi khác."
RELOADED = "Đã nạp lại dữ liệu Nghị quyết: {entries} mục."
