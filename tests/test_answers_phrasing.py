"""Answers for the way cadres write: framing, their own place, small talk (tables)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answering.render import render_text
from bot.core import Library
from bot.vietnamese.text import fold

PROVINCE_NOTE = "Nghị quyết đặt chỉ tiêu chung cho toàn tỉnh"
PER_DISTRICT_NOTE = "Nghị quyết giao chỉ tiêu này cho mỗi huyện, thành phố."

# Who asks and why never costs the answer.
FRAMED = [
    # typed bare: "toi la can bo" has no "cần", "hoi nong dan" no "hỏi", but "e can gap"
    # does; someone told the asker to look it up ("chủ tịch xã bảo tôi tìm")
    ("toi la can bo xa, ty le che phu rung bao nhieu", "che-phu-rung"),
    (
        "toi la hoi nong dan dang van dong ba con dua trau bo ra khoi gam san, tinh dat chi "
        "tieu bao nhieu ho",
        "gam-san",
    ),
    ("e can gap so lieu bhyt de dua vao to trinh hdnd xa, nho ban tra giup", "bhyt"),
    ("chu tich xa bao toi tim chi tieu giam ngheo cua tinh nam 2020, bot bao giup", "ho-ngheo"),
    # how the list is wanted ("đề nghị", "đầy đủ", "tóm tắt … ngắn gọn"); "giup chi" typed
    # bare before "tieu" is no "giúp chị"; a story's topic asked of with "NQ nói gì"
    ("Đề nghị liệt kê đầy đủ các chỉ tiêu về môi trường năm 2020 trong Nghị quyết.", "moi-truong"),
    (
        "Các nhiệm vụ chủ yếu năm 2020 gồm những nhóm nhiệm vụ nào, đề nghị tóm tắt giúp từng "
        "nhóm một cách ngắn gọn.",
        "dem-nhiem-vu",
    ),
    ("liet ke giup chi tieu van hoa xa hoi", "van-hoa-xa-hoi"),
    ("em đang làm báo cáo về che phủ rừng, NQ nói gì ạ", "che-phu-rung"),
    # a reminder wanted; the question after an opener, beside a story naming another item
    ("mai họp chi bộ, em cần nhắc lại chỉ tiêu giảm nghèo năm 2020 của tỉnh, là bn %", "ho-ngheo"),
    ("nhắc giúp anh tỷ lệ che phủ rừng", "che-phu-rung"),
    (
        "Em làm ở Phòng Văn hoá – Thông tin, sắp phải báo cáo phong trào toàn dân đoàn kết xây "
        "dựng đời sống văn hoá, cho em xin tỷ lệ gia đình văn hoá và làng, xóm văn hoá mà tỉnh "
        "đặt ra.",
        "van-hoa",
    ),
    ("tôi công tác ở phòng nội vụ, cho hỏi tỷ lệ che phủ rừng bao nhiêu", "che-phu-rung"),
    ("tỷ lệ che phủ rừng tỉnh giao năm 2020 là bao nhiêu mà tôi quên mất", "che-phu-rung"),
    ("em quên mất tỷ lệ hộ nghèo phải giảm bao nhiêu, em cần gấp", "ho-ngheo"),
    ("không nhớ rõ kim ngạch xuất khẩu bao nhiêu, nhờ tra giúp", "kim-ngach-xuat-khau"),
    ("bên em đang tổng hợp số liệu quý nên cần tỷ lệ hộ nghèo", "ho-ngheo"),
    ("chị ơi cho em hỏi kim ngạch xuất khẩu năm 2020", "kim-ngach-xuat-khau"),
    ("nhờ tra giúp tỷ lệ bao phủ bảo hiểm y tế", "bhyt"),
    ("em là chuyên viên sở tài chính, thu ngân sách nội địa bao nhiêu ạ", "thu-noi-dia"),
    ("tôi đang làm báo cáo, tốc độ tăng trưởng GRDP là bao nhiêu", "grdp-tang-truong"),
    ("điểm qua giúp các chỉ tiêu về môi trường", "moi-truong"),
    ("cho hỏi số đảng viên kết nạp mới để báo cáo huyện uỷ", "ket-nap-dang-vien"),
    ("mình làm ở ủy ban xã, tỷ lệ dân số tham gia bảo hiểm y tế bao nhiêu vậy", "bhyt"),
    ("anh gửi giúp em chỉ tiêu trường đạt chuẩn quốc gia", "truong-chuan"),
    (
        "cơ quan tôi đang rà soát, chỉ tiêu xã đạt chuẩn nông thôn mới là bao nhiêu",
        "nong-thon-moi",
    ),
    ("nho tra giup ty le ho ngheo", "ho-ngheo"),
    ("phòng tài chính cần số liệu: thu nội địa năm 2020 bao nhiêu", "thu-noi-dia"),
    ("chị ơi em đang làm báo cáo tuần, tỷ lệ che phủ rừng bao nhiêu ạ", "che-phu-rung"),
    ("em mới chuyển công tác, cho hỏi kim ngạch nhập khẩu", "kim-ngach-nhap-khau"),
    ("sếp giao em rà soát, số đảng viên kết nạp mới là bao nhiêu", "ket-nap-dang-vien"),
    ("a ơi, tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    # words of the chat itself (vocabulary chat_words)
    ("a gửi em xem tỷ lệ che phủ rừng", "che-phu-rung"),
    ("mình muốn biết kim ngạch xuất khẩu", "kim-ngach-xuat-khau"),
    # the wording asked for (every answer quotes it), what the answer is for, what the
    # asker's unit is doing
    ("cần đối chiếu nguyên văn chỉ tiêu về che phủ rừng, nhờ bot trích giúp", "che-phu-rung"),
    ("cho tôi xin nguyên văn phần tổ chức thực hiện", "phan-iii"),
    ("chỉ tiêu trường chuẩn quốc gia năm 2020 quy định thế nào", "truong-chuan"),
    ("tỷ lệ bao phủ bảo hiểm y tế được quy định ra sao", "bhyt"),
    ("nghị quyết có giao nhiệm vụ gì về cải cách hành chính không", "cai-cach-hanh-chinh"),
    ("tôi cần cho bài tham luận: tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    (
        "chi bộ tôi đang lên kế hoạch kết nạp đảng viên, chỉ tiêu toàn tỉnh là bao nhiêu",
        "ket-nap-dang-vien",
    ),
    # a purpose after a name with a dash ("Đồng Đăng - Trà Lĩnh để tham mưu …")
    (
        "anh ở sở giao thông, cần nắm nghị quyết nói gì về cao tốc Đồng Đăng - Trà Lĩnh để "
        "tham mưu cho lãnh đạo",
        "cao-toc-dong-dang-tra-linh",
    ),
    # the ends of a road, which its name gives
    ("cao tốc Đồng Đăng Trà Lĩnh nối từ đâu đến đâu", "cao-toc-dong-dang-tra-linh"),
    # the asker's clause opened with chat shorthand ("e" for "em", "a" for "anh")
    ("e o phong tai chinh, thu noi dia bao nhieu", "thu-noi-dia"),
    ("a lam o so nong nghiep, ty le che phu rung bn", "che-phu-rung"),
    ("a la bi thu chi bo, ty le dang vien hoan thanh tot nhiem vu bn", "dang-vien-htt"),
    ("t đang soạn đề cương tuyên truyền, NQ này do ai ký vậy", "nguoi-ky"),
    ("ae ơi cho hỏi tỷ lệ che phủ rừng bn", "che-phu-rung"),
    ("mn ơi kim ngạch xuất khẩu bao nhiêu", "kim-ngach-xuat-khau"),
    # the meeting the answer is wanted for
    ("mai họp chi bộ cần nói về tỷ lệ gia đình văn hoá, chỉ tiêu là bn", "gia-dinh-van-hoa"),
    ("sắp họp chi bộ, kết nạp đảng viên mới bao nhiêu", "ket-nap-dang-vien"),
    # a word of the chat typed with its own tone is no other word spelled alike ("tối")
    ("tỷ lệ che phủ rừng bao nhiêu, tôi cần gấp", "che-phu-rung"),
    ("kim ngạch xuất khẩu bao nhiêu, nhờ tra hộ", "kim-ngach-xuat-khau"),
    # a day asked: the item that names one, not the part on what was approved
    ("cho hỏi nghị quyết được hội nghị thông qua ngày nào", "ngay-hoi-nghi"),
    # a story clause without a subject ("…, đang làm báo cáo phong trào …, …") and an
    # address to several ("anh chị ơi"), the asker's side ("em bên …")
    (
        "chị ơi em bên hội phụ nữ, đang làm báo cáo phong trào xây dựng đời sống văn hóa, tỷ "
        "lệ gia đình văn hóa bao nhiêu",
        "gia-dinh-van-hoa",
    ),
    ("anh chị ơi cho em hỏi tỷ lệ che phủ rừng", "che-phu-rung"),
    (
        "mình bên sở xây dựng, đang làm kế hoạch năm, tỷ lệ đô thị dùng nước sạch bn",
        "nuoc-sach-thanh-thi",
    ),
    # the year a figure is measured against
    ("kim ngạch xuất khẩu 2020 đặt bao nhiêu, so với năm trước", "kim-ngach-xuat-khau"),
    # how many more schools a place must have, typed bare
    ("tp cao bang nam nay phai co them may truong dat chuan", "truong-chuan"),
    # the asker's own unit that is also the topic ("cơ quan … đạt chuẩn văn hoá")
    ("cơ quan tôi muốn đạt chuẩn văn hóa thì tỉnh đặt tỷ lệ bao nhiêu", "co-quan-van-hoa"),
    ("co quan minh phan dau dat chuan van hoa, ty le toan tinh la bn", "co-quan-van-hoa"),
    # but a unit only the story names is not
    ("cơ quan em ở sở y tế thì tỷ lệ cơ quan văn hoá bao nhiêu", "co-quan-van-hoa"),
    # looking it up quickly for someone, and where the answer is written down
    ("sếp bảo em tra nhanh tỷ lệ che phủ rừng theo NQ", "che-phu-rung"),
    ("em cần ghi tên người ký nghị quyết vào sổ theo dõi văn bản, là đồng chí nào", "nguoi-ky"),
    # the full name of the named thing asked, not the resolution's own
    ("cái đề án du lịch tên đầy đủ là gì", "de-an-du-lich"),
    ("de an khu kinh te cua khau ten day du la gi", "de-an-khu-kinh-te-cua-khau"),
    ("tên đầy đủ của nghị quyết là gì", "ten-nghi-quyet"),
    # what the asker is writing, or studying for
    ("mình đang viết tin bài, cho hỏi tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("em đang làm đề cương tuyên truyền, tỷ lệ che phủ rừng bao nhiêu ạ", "che-phu-rung"),
    ("tôi muốn tìm hiểu nghị quyết này do đồng chí nào ký", "nguoi-ky"),
    # the body the asker works at is no topic of the choices
    ("em ở Văn phòng Tỉnh ủy, sếp bảo tra xem nghị quyết do ai ký", "nguoi-ky"),
    # a target of several figures states each of its parts
    ("thu ngân sách chia ra mỗi khoản bao nhiêu", "thu-ngan-sach"),
    ("đang ôn thi công chức, kim ngạch xuất khẩu năm 2020 bao nhiêu", "kim-ngach-xuat-khau"),
    # a month in the story is no month asked about
    ("em soạn đề cương sinh hoạt chi bộ tháng 3. Cho em hỏi tỷ lệ BHYT bao nhiêu?", "bhyt"),
    # the resolution named with the province, abbreviations in the name
    (
        "nghị quyết hội nghị lần thứ 20 BCH Đảng bộ tỉnh Cao Bằng khoá XVIII đặt thu nội địa "
        "bao nhiêu",
        "thu-noi-dia",
    ),
    ("NQ hội nghị lần thứ 20 BCH đảng bộ tỉnh do ai ký", "nguoi-ky"),
    # "ĐH" beside the Party's words is "đại hội"
    ("đh đảng bộ tỉnh tới là lần thứ mấy", "dai-hoi-dang-bo-xix"),
    ("ĐH đại biểu Đảng bộ tỉnh nhiệm kỳ nào", "dai-hoi-dang-bo-xix"),
    # the asker looking something up ("tôi tìm …") is framing
    ("tôi tìm tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("em tìm chỉ tiêu kim ngạch xuất khẩu", "kim-ngach-xuat-khau"),
    # a Party committee asking what it must do is asking Part III's task
    ("huyện uỷ Hạ Lang phải làm gì", "iii-cu-the-hoa"),
    ("thành uỷ Cao Bằng phải làm gì với nghị quyết", "iii-cu-the-hoa"),
    ("cấp uỷ phải làm gì sau khi nhận nghị quyết", "iii-cu-the-hoa"),
    # "kt" beside an economic word is "kinh tế"; the only economic zone is the border one
    ("tốc độ tăng trưởng kt bao nhiêu", "grdp-tang-truong"),
    ("khu kt cửa khẩu", "de-an-khu-kinh-te-cua-khau"),
    ("nhiệm vụ KT năm 2020", "nv-kinh-te"),
    # a recipient named ("có gửi lên Trung ương không")
    ("nghị quyết có gửi lên Trung ương không", "noi-nhan"),
    # "chỉ tiêu" or "nhiệm vụ" settles which group "công tác xây dựng Đảng" names
    ("chỉ tiêu công tác xây dựng Đảng năm 2020", "xay-dung-dang"),
    ("nhiệm vụ công tác xây dựng Đảng", "nv-xay-dung-dang"),
    # the whole message finds nothing: the question after the last opener, if it asks
    ("Phòng tổ chức đang rà soát hồ sơ, nhờ bot cho biết nghị quyết do ai ký", "nguoi-ky"),
    # purposes ("để điền vào biểu"), openers of older askers ("cho cô hỏi"), "tỉnh uỷ CB"
    ("cần gấp tỷ lệ tham gia BHYT để điền vào biểu", "bhyt"),
    ("cho chú hỏi tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("NQ hội nghị lần 20 tỉnh uỷ CB đặt chỉ tiêu che phủ rừng bao nhiêu", "che-phu-rung"),
    # "đưa ra" sets out as "đề ra"; "bắt buộc" is an obligation as "phải"
    ("về tài chính - ngân sách nghị quyết đưa ra giải pháp gì", "thu-chi-ngan-sach"),
    ("xã tôi có bắt buộc phải đạt tỷ lệ che phủ rừng 55% không", "che-phu-rung"),
    # who follows the resolution up and to whom it reports; "bên em" is the asker's office
    ("nghị quyết giao ai theo dõi, kiểm tra việc thực hiện", "iii-theo-doi"),
    ("bên tôi phải định kỳ báo cáo cho ai về việc thực hiện nghị quyết", "iii-theo-doi"),
    # a date the resolution names, asked what it stands for; "mốc thời gian" asks when
    ("mốc 01/4/1930 được nhắc trong nghị quyết có ý nghĩa gì", "ky-niem-90-nam-chi-bo"),
    (
        "tôi đang viết bài kỷ niệm chi bộ đảng đầu tiên của tỉnh, nghị quyết nhắc mốc thời "
        "gian nào",
        "ky-niem-90-nam-chi-bo",
    ),
    # "tm" beside "nông nghiệp" is thông minh; "khác nhau", "trùng nhau" name no topic
    (
        "đề án nông nghiệp tm và đề án du lịch có khác nhau về giai đoạn không",
        "de-an-nong-nghiep-thong-minh",
    ),
    ("tỷ lệ che phủ rừng với tỷ lệ làng văn hoá có trùng nhau không", "che-phu-rung"),
    # "dv" beside growth is dịch vụ; alone, đảng viên
    ("dv tang bn %", "grdp-dich-vu"),
    ("kết nạp dv mới bao nhiêu", "ket-nap-dang-vien"),
    ("nghị quyết nói gì về khu kinh tế", "de-an-khu-kinh-te-cua-khau"),
    # the issuer named beside what is asked of the conference is context
    ("nghị quyết này của BCH Đảng bộ tỉnh khoá mấy", "nhiem-ky"),
    ("BCH đảng bộ tỉnh họp ngày nào", "ngay-hoi-nghi"),
    ("Hội nghị lần 20 của BCH Đảng bộ tỉnh khoá XVIII họp ngày nào", "ngay-hoi-nghi"),
    # a border gate's name is a place: what is asked of it is asked of the border gates
    ("cửa khẩu Sóc Giang nằm trong đề án nào", "de-an-khu-kinh-te-cua-khau"),
    # a count of the asker's own quoted ("chi bộ có 15 đảng viên"): the rate answers it
    (
        "chi bộ tôi có 15 đảng viên thì bao nhiêu người phải hoàn thành tốt nhiệm vụ",
        "dang-vien-htt",
    ),
    # a road's route verb ("đi qua") names no topic beside the road
    ("huyện Hòa An có cao tốc chạy qua không, bao giờ khởi công", "cao-toc-dong-dang-tra-linh"),
    ("Trà Lĩnh quê tôi có đường cao tốc đi qua, nghị quyết nói gì", "cao-toc-dong-dang-tra-linh"),
]

# Someone else asked the asker ("hôm qua họp có người hỏi …", "đồng chí PCT hỏi …"): the
# question is what they asked.
REPORTED = [
    ("hôm qua họp có người hỏi tỷ lệ che phủ rừng bao nhiêu mà tôi quên", "che-phu-rung"),
    (
        "sáng nay giao ban đồng chí PCT hỏi kim ngạch xuất khẩu bao nhiêu mà không ai nhớ",
        "kim-ngach-xuat-khau",
    ),
    ("anh em bên phòng y tế hỏi tôi tỷ lệ BHYT là bao nhiêu", "bhyt"),
    ("tuần trước chị trưởng phòng hỏi em thu nội địa bao nhiêu, bạn tra giúp cái", "thu-noi-dia"),
    ("người ta hỏi tôi nghị quyết nói gì về cải cách hành chính", "cai-cach-hanh-chinh"),
    ("giám đốc sở hỏi tôi kim ngạch nhập khẩu bao nhiêu", "kim-ngach-nhap-khau"),
    ("anh em ben ban dan van hoi toi nghi quyet noi gi ve cong tac dan van", "dan-van"),
    ("Nghị quyết chỉ đạo gì về công tác dân vận", "dan-van"),
    ("em mới về văn phòng, cho em hỏi nghị quyết gửi cho những nơi nào ạ", "noi-nhan"),
    ("chi bộ em nhận được nghị quyết này rồi thì phải làm gì tiếp", "iii-cu-the-hoa"),
    ("nq có những chỉ tiêu nào liên quan đến y tế", "y-te"),
    (
        "em là cán bộ MTTQ huyện, nhờ tra hộ NQ có giao nhiệm vụ gì cho mặt trận không",
        "mat-tran-to-quoc",
    ),
    (
        "Chị làm kế toán, nghe nói nghị quyết có chỉ đạo chống thất thu ngân sách, cụ thể nói gì",
        "thu-chi-ngan-sach",
    ),
]


@pytest.mark.parametrize(("question", "item"), REPORTED)
def test_what_someone_else_asked_is_the_question(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# An unknown topic word still means the resolution does not cover it, framed or not.
UNKNOWN_TOPICS = [
    # what a person pays or does for their own insurance card
    "BHYT ho gia dinh nam nay dong bn tien 1 nguoi a",
    "làm thế nào để đóng BHYT hộ gia đình",
    "đăng ký BHYT hộ gia đình ở đâu",
    "mua bảo hiểm y tế cho con ở đâu",
    # the province's own merger, asked with "với" (no comparison of two items)
    "cao bang sap nhap voi tinh nao",
    # a border gate's daily running
    "cửa khẩu Tà Lùng có thông quan ngày lễ không",
    "em đang tìm hiểu về giá lúa, NQ nói gì",
    # personal paperwork, joining the Party oneself, the Party's own founding day
    "cap lai the bhyt bi mat ntn",
    "lam the nao de vao dang",
    "ngay 3/2 nam nay ky niem thanh lap dang bao nhieu nam",
    # "cụ thể" asks for detail, never "cụ thể hoá"
    "kể cụ thể giúp",
    "tôi công tác ở phòng nội vụ, cho hỏi giá lúa hôm nay",
    "bên em đang tổng hợp nên cần tuổi nghỉ hưu của cán bộ",
    "nhờ tra giúp số ca mắc sốt xuất huyết",
    "giá lúa hôm nay",
    "tuổi nghỉ hưu của nữ",
    "em đang làm báo cáo, cho hỏi thời tiết ngày mai",
    "chị ơi cho em hỏi lịch nghỉ tết",
    "nhờ tra giúp biển số xe của tỉnh",
    "tôi là giáo viên, lương giáo viên năm nay bao nhiêu",
    "điểm qua giúp kết quả bóng đá",
    "gửi em xem giá lúa hôm nay",
    "anh muốn biết tuổi nghỉ hưu",
    # insurance other than health insurance is another topic, whatever words it shares
    "tỷ lệ tham gia BHXH tự nguyện năm 2020 bao nhiêu",
    "số người tham gia bảo hiểm thất nghiệp",
    "thu nhập bình quân của người lao động năm 2020 là bao nhiêu",
    "tiêu chí xã NTM nâng cao gồm những gì",
    # a salary is no "lương thực"
    "anh em ở xã hỏi lương bao nhiêu",
    "lương tháng của cán bộ xã",
    "Điều lệ Đảng quy định tuổi kết nạp đảng viên là bao nhiêu",
    # a count none of the candidates counts in
    "bộ tiêu chí quốc gia về xã nông thôn mới gồm bao nhiêu tiêu chí",
    "lương bác sĩ trạm y tế xã bao nhiêu",
    "Nghị quyết 20 của Trung ương về bảo vệ sức khỏe nhân dân nói gì",
    "tỉnh Cao Bằng được thành lập năm nào",
    # documents of other issuers: the resolution cites none
    "tiêu chuẩn diện tích, dân số để sáp nhập xã theo nghị quyết của UBTVQH là gì",
    "theo nghị quyết của Quốc hội thì tiêu chuẩn sáp nhập xã là gì",
    "nghị định 34 quy định gì về cán bộ xã",
    "thông tư hướng dẫn về chế độ công tác phí",
    "nghị quyết của Chính phủ về giảm nghèo đặt chỉ tiêu gì",
    # the Party's own founding; a phone number
    "Đảng Cộng sản Việt Nam thành lập ngày nào",
    "sdt văn phòng tỉnh ủy là gì",
    # a congress's breakthroughs: this resolution sets none
    "nghị quyết đại hội XIX đảng bộ tỉnh có những khâu đột phá nào",
    # the provinces' own merger: the resolution arranges districts, communes and hamlets
    "cao bang sap nhap voi tinh nao",
    "tỉnh Cao Bằng có sáp nhập với tỉnh khác không",
    "sáp nhập tỉnh khi nào",
    "Cao Bằng hợp nhất với tỉnh nào",
    # another congress's resolution ("Đại hội XIII" is only named)
    "nghị quyết đại hội XIII có bao nhiêu nhiệm vụ",
    "văn kiện Đại hội XIII nói gì về chuyển đổi số",
]

# A service a question bot does not give is refused whole: never answered from the text it
# quotes.
REFUSED_REQUESTS = [
    "Dịch giúp sang tiếng Anh câu: tỷ lệ che phủ rừng 55%",
    "dịch sang tiếng Trung: kim ngạch xuất khẩu",
    "dich giup cau nay ra tieng anh: xay dung nong thon moi",
    "câu 'giảm tỷ lệ hộ nghèo' tiếng Anh là gì",
    "viết bằng tiếng Tày câu chào mừng đại hội",
    "chuyển sang tiếng Nùng giúp: phát triển du lịch",
    "tiếng Anh của GRDP là gì",
    "dịch ra tiếng Pháp đề án du lịch",
    "nghĩa tiếng Nhật của nông thôn mới",
    "tiếng Hàn nói trường chuẩn quốc gia thế nào",
    # writing for the asker
    "viet giup em bai phat bieu ngay 3/2",
    "viết giúp tôi bài phát biểu về chỉ tiêu che phủ rừng",
    "soạn giúp em báo cáo về thu ngân sách",
    # templates
    "cho mình xin mẫu báo cáo tổng kết năm của chi bộ",
    "gửi giúp mẫu kế hoạch thực hiện nghị quyết",
]

# The asker's own place gets the province figure, with the note.
OWN_PLACE = [
    ("xã chúng tôi phải đạt tỷ lệ che phủ rừng bao nhiêu", "che-phu-rung"),
    ("huyện mình cần đạt tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("ở thành phố này tỷ lệ người dân tham gia bảo hiểm y tế phải đạt bao nhiêu", "bhyt"),
    ("xa toi phai dat bao nhieu xa nong thon moi", "nong-thon-moi"),
    # the asker's place said without a place word
    ("vùng cao như bọn em thì tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("quê tôi ở Bảo Lâm, che phủ rừng phải đạt bao nhiêu", "che-phu-rung"),
    ("địa phương tôi cần kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien"),
    ("phường chúng tôi tỷ lệ che phủ rừng bao nhiêu", "che-phu-rung"),
    ("thôn tôi cần đạt gì về gia đình văn hóa", "gia-dinh-van-hoa"),
    ("huyen minh ty le che phu rung bn", "che-phu-rung"),
    ("xã nhà kết nạp đảng viên bao nhiêu", "ket-nap-dang-vien"),
    ("chỗ em phải đạt tỷ lệ lao động qua đào tạo bao nhiêu", "lao-dong-qua-dao-tao"),
    ("bản chỗ tôi còn nuôi trâu dưới gầm sàn, tỉnh yêu cầu đưa ra bao nhiêu hộ", "gam-san"),
    ("làng tôi phải đạt bao nhiêu % BHYT", "bhyt"),
    ("tổ dân phố chúng tôi phải đạt tỷ lệ gia đình văn hoá bao nhiêu", "gia-dinh-van-hoa"),
    # what the place is like, or where it lies, names no topic
    ("xa toi la xa vung cao thi nam 2020 phai giam ho ngheo bao nhieu", "ho-ngheo"),
    ("xã tôi là xã đặc biệt khó khăn, phải giảm hộ nghèo bao nhiêu", "ho-ngheo"),
    ("xã tôi thuộc huyện Nguyên Bình, tỷ lệ che phủ rừng phải đạt bao nhiêu", "che-phu-rung"),
    # a place followed by whose it is, a Party committee as the asker's unit
    ("Bảo Lạc nhà tôi phải đạt che phủ rừng bao nhiêu", "che-phu-rung"),
    ("huyện uỷ chúng tôi phải kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien"),
]

# The one figure the resolution sets for every district ("mỗi huyện, thành phố tăng thêm
# ít nhất 01 trường chuẩn quốc gia"): a district's question is answered, without the note
# that no district has a figure of its own.
PER_DISTRICT = [
    "đơn vị mình chỉ tiêu trường chuẩn quốc gia thế nào",
    "huyện Bảo Lâm phải tăng mấy trường chuẩn quốc gia",
    "huyện tôi phải tăng bao nhiêu trường chuẩn",
    "huyen Ha Lang tang them may truong chuan quoc gia",
    "năm 2020 thành phố Cao Bằng phải có thêm bao nhiêu trường đạt chuẩn quốc gia",
    "huyện Quảng Hòa phải tăng bao nhiêu trường chuẩn quốc gia",
    "huyện Trùng Khánh được giao mấy trường chuẩn",
    "xã tôi thuộc huyện Nguyên Bình, huyện phải thêm mấy trường chuẩn",
    "trường chuẩn quốc gia huyện Hòa An phải tăng bao nhiêu",
    "huyện mình tăng thêm mấy trường chuẩn quốc gia năm nay",
    # one item explaining nearly all of the words, far ahead of any other
    "huyen minh nam nay phai tang them may truong chuan",
    "ở thành phố này có phải tăng thêm trường đạt chuẩn ko",
]

SMALL_TALK = [
    ("xin chào", "Xin chào"),
    ("cam on chau nhieu nhe, bac hieu roi", "Rất vui"),
    ("dung bot nay the nao vay a, e moi vao", "Đồng chí gõ câu hỏi"),
    ("bot có biết hết nghị quyết ko", "Tôi là bot hỏi đáp"),
    ("chào bot", "Xin chào"),
    ("alo", "Xin chào"),
    ("xin chao", "Xin chào"),
    ("cảm ơn nhiều ạ", "Rất vui"),
    ("cam on", "Rất vui"),
    ("ok", "Rất vui"),
    ("bot tên gì", "Tôi là bot hỏi đáp"),
    ("bạn là ai vậy", "Tôi là bot hỏi đáp"),
    ("m là ai z", "Tôi là bot hỏi đáp"),
    ("ban la nguoi hay may", "Tôi là bot hỏi đáp"),
    ("hi, bot co the giup j", "Tôi là bot hỏi đáp"),
    ("ban la ai, ai lam ra ban the", "Tôi là bot hỏi đáp"),
    ("dùng con bot này thế nào", "Đồng chí gõ câu hỏi"),
    ("Kính gửi", "Xin chào"),
    ("dùng sao", "Đồng chí gõ câu hỏi"),
    ("làm sao để hỏi", "Đồng chí gõ câu hỏi"),
    ("hướng dẫn sử dụng", "Đồng chí gõ câu hỏi"),
    ("chào bot, dùng thế nào", "Đồng chí gõ câu hỏi"),
    ("tạm biệt nhé", "Chào đồng chí"),
    ("bye bot", "Chào đồng chí"),
    # acknowledgements, and asking whether one may ask (chat shorthand read as words)
    ("ok hiểu rồi", "Rất vui"),
    ("ok hieu roi", "Rất vui"),
    ("vâng, rõ rồi ạ", "Rất vui"),
    ("mình hỏi chút được ko ạ", "Đồng chí gõ câu hỏi"),
    ("cho em hỏi tí được không", "Đồng chí gõ câu hỏi"),
    ("dùng cái này thế nào", "Đồng chí gõ câu hỏi"),
    ("tạm biệt nhé, mai hỏi tiếp", "Chào đồng chí"),
    ("Xin chào, tôi có thể hỏi những nội dung gì?", "Đồng chí gõ câu hỏi"),
    ("thoi nhe, tam biet", "Chào đồng chí"),
    ("bot ơi có thể hỏi gì", "Đồng chí gõ câu hỏi"),
    ("bot tên là gì", "Tôi là bot hỏi đáp"),
    ("tên bot là gì", "Tôi là bot hỏi đáp"),
    ("bot ten la gi", "Tôi là bot hỏi đáp"),
    ("cái này dùng thế nào vậy, hỏi gì cũng được à", "Đồng chí gõ câu hỏi"),
    ("bot biết làm những gì vậy", "Tôi là bot hỏi đáp"),
    ("ban lam dc nhung j", "Tôi là bot hỏi đáp"),
    ("dung bot nay the nao", "Đồng chí gõ câu hỏi"),
    # teasing the bot, checking it is there
    ("bot có thông minh không đấy", "Tôi là bot hỏi đáp"),
    ("bot con hoat dong ko", "Tôi là bot hỏi đáp"),
    ("bot ơi còn ở đó không", "Xin chào"),
    ("Kính chào, tôi có thể hỏi những nội dung gì ở đây?", "Đồng chí gõ câu hỏi"),
    ("bot co biet hat k", "Tôi là bot hỏi đáp"),
    ("bot có biết tôi là ai không", "Tôi là bot hỏi đáp"),
]


@pytest.mark.parametrize(("question", "item"), FRAMED)
def test_framing_never_costs_the_answer(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


@pytest.mark.parametrize("question", REFUSED_REQUESTS)
def test_a_service_the_bot_does_not_give_is_refused_whole(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert answer.headline.startswith("Tôi chỉ tra cứu nội dung Nghị quyết")


@pytest.mark.parametrize("question", UNKNOWN_TOPICS)
def test_an_unknown_topic_is_still_not_answered(shared_library: Library, question: str) -> None:
    assert shared_library.answer(question).status in {"none", "choices"}
    assert shared_library.answer(question).status != "answer"


@pytest.mark.parametrize("question", PER_DISTRICT)
def test_a_figure_set_for_every_district_is_answered_for_one(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", "truong-chuan")
    text = render_text(answer)
    assert PER_DISTRICT_NOTE in text
    assert "không có chỉ tiêu riêng" not in text


@pytest.mark.parametrize(("question", "item"), OWN_PLACE)
def test_the_askers_own_place_gets_the_province_figure(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)
    assert PROVINCE_NOTE in render_text(answer)


@pytest.mark.parametrize(("message", "opening"), SMALL_TALK)
def test_small_talk_gets_a_warm_reply_and_claims_no_item(
    shared_library: Library, message: str, opening: str
) -> None:
    answer = shared_library.answer(message)
    assert answer.status == "none"
    assert answer.matches == ()
    text = render_text(answer)
    assert text.startswith(opening)
    assert "không có nội dung" not in text


@pytest.mark.parametrize(
    "question", ["chào bot, che phủ rừng bao nhiêu", "cảm ơn, cho hỏi thêm tỷ lệ hộ nghèo"]
)
def test_a_greeting_with_a_question_is_a_question(shared_library: Library, question: str) -> None:
    assert shared_library.answer(question).status == "answer"


OVERVIEWS = [
    ("kể hết các chỉ tiêu", "dem-chi-tieu", "18 chỉ tiêu"),
    ("liệt kê các chỉ tiêu chủ yếu", "dem-chi-tieu", "18 chỉ tiêu"),
    ("ke het cac chi tieu", "dem-chi-tieu", "18 chỉ tiêu"),
    ("danh sách các chỉ tiêu", "dem-chi-tieu", "18 chỉ tiêu"),
    ("nghị quyết có mấy nhóm nhiệm vụ", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("kể tên các nhóm nhiệm vụ", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("nghị quyết gồm những phần nào", "dem-phan", "3 phần"),
    ("nghị quyết gồm mấy phần", "dem-phan", "3 phần"),
    ("có những đề án nào", "dem-de-an", "đề án"),
    ("liet ke cac de an", "dem-de-an", "đề án"),
    ("có những dự án nào", "dem-du-an", "dự án"),
    ("kể các dự án được nhắc tới", "dem-du-an", "dự án"),
    # the line on key projects says nothing of starting: the projects named to start do
    ("những dự án trọng điểm được yêu cầu khởi công năm nay là gì", "dem-du-an", "dự án"),
    ("liệt kê dự án trọng điểm khởi công trong 2020", "dem-du-an", "dự án"),
    ("các chỉ tiêu về môi trường gồm những gì", "moi-truong", "3 chỉ tiêu"),
    ("kể các chỉ tiêu văn hoá xã hội", "van-hoa-xa-hoi", "8 chỉ tiêu"),
    # How the list is asked for ("chia làm mấy nhóm", "kể ra") names no topic.
    ("nhiệm vụ chủ yếu gồm mấy nhóm, kể tên", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("nghị quyết có mấy nhóm nhiệm vụ, kể ra", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("các chỉ tiêu được chia thành mấy nhóm", "dem-chi-tieu", "18 chỉ tiêu"),
    ("các mục tiêu phân thành mấy nhóm", "dem-chi-tieu", "18 chỉ tiêu"),
    ("chỉ tiêu chủ yếu chia làm mấy nhóm", "dem-chi-tieu", "18 chỉ tiêu"),
    # "mảng"/"lĩnh vực X có mấy cái": the group's targets.
    ("mảng môi trường có mấy cái, đọc nhanh giúp mình", "dem-chi-tieu-moi-truong", "3 chỉ tiêu"),
    ("lĩnh vực môi trường có mấy cái", "dem-chi-tieu-moi-truong", "3 chỉ tiêu"),
    ("mảng kinh tế có những chỉ tiêu nào", "kinh-te", "6 chỉ tiêu"),
    ("cho xin toan bo chi tieu kinh te", "kinh-te", "6 chỉ tiêu"),
    ("toàn bộ chỉ tiêu môi trường", "moi-truong", "3 chỉ tiêu"),
    ("ke het cac chi tieu chu yeu nam 2020 di", "dem-chi-tieu", "18 chỉ tiêu"),
    # a plural list word after the noun ("… gồm những gì") lists it
    ("nhiem vu trong tam nam 2020 gom nhung gi", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("nhiệm vụ năm nay là những gì", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ("mục tiêu năm 2020 gồm những gì", "dem-chi-tieu", "18 chỉ tiêu"),
    ("nghị quyết có tổng cộng bao nhiêu chỉ tiêu", "dem-chi-tieu", "18 chỉ tiêu"),
    # how the answer is wanted names no topic; "mtruong" is môi trường
    ("các nhiệm vụ trọng tâm năm 2020 là gì, nói ngắn gọn thôi", "dem-nhiem-vu", "5 nhóm"),
    ("mtruong có mấy chỉ tiêu, kể ra giúp", "dem-chi-tieu-moi-truong", "3 chỉ tiêu"),
    ("có tổng cộng mấy đề án", "dem-de-an", "đề án"),
    ("chỉ tiêu của nghị quyết gồm những nội dung gì", "dem-chi-tieu", "18 chỉ tiêu"),
]


@pytest.mark.parametrize(("question", "item", "says"), OVERVIEWS)
def test_overviews_are_answered_with_a_list(
    shared_library: Library, question: str, item: str, says: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)
    assert says in answer.headline
    assert len(answer.lines) >= 3


# A target's breakdown asked ("chia ra những khoản nào"): the target with every figure.
BREAKDOWNS = [
    ("thu ngân sách chia ra những khoản nào", "thu-ngan-sach"),
    ("thu ngân sách gồm những khoản nào", "thu-ngan-sach"),
    ("chỉ tiêu GRDP chia thành những khu vực nào", "grdp"),
    ("kim ngạch xuất nhập khẩu chia làm những phần nào", "xuat-nhap-khau"),
    ("tổng thu ngân sách chia ra những khoản nào", "thu-ngan-sach"),
    ("tăng trưởng GRDP gồm những khu vực nào", "grdp"),
    ("chỉ tiêu nước sạch chia ra những gì", "nuoc-sach"),
    ("lao động qua đào tạo gồm những con số nào", "lao-dong"),
    ("chỉ tiêu dân số chia ra những gì", "dan-so"),
    ("chỉ tiêu xuất nhập khẩu chia thành những khoản nào", "xuat-nhap-khau"),
]


@pytest.mark.parametrize(("question", "item"), BREAKDOWNS)
def test_a_targets_breakdown_gives_every_figure(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)
    assert len(answer.lines) >= 2


# A part of the resolution named by its number, Arabic or Roman; part II, which has no
# item of its own, by the overviews of its targets and its tasks.
PARTS_NAMED = [
    ("phần 3 nói gì", "phan-iii"),
    ("phần thứ 3 là gì", "phan-iii"),
    ("phần 1 của nghị quyết", "phan-i"),
    ("phan 1 gom nhung gi", "phan-i"),
    ("phần III nói về gì", "phan-iii"),
    ("phần 2 gồm những gì", "dem-chi-tieu"),
    ("phần thứ 2 gồm những gì", "dem-chi-tieu"),
    ("phần II gồm những gì", "dem-chi-tieu"),
    ("phần II nói về gì", "dem-chi-tieu"),
    ("phan 2 noi ve cai gi", "dem-chi-tieu"),
]


@pytest.mark.parametrize(("question", "item"), PARTS_NAMED)
def test_a_part_named_by_its_number(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


def test_part_ii_lists_its_targets_and_tasks(shared_library: Library) -> None:
    answer = shared_library.answer("phần 2 gồm những gì")
    assert [m.id for m in answer.matches] == ["dem-chi-tieu", "dem-nhiem-vu"]
    assert "• II.1 – 18 chỉ tiêu chủ yếu:" in answer.lines
    assert "• II.2 – 5 nhóm nhiệm vụ chủ yếu:" in answer.lines


def test_a_percentage_after_part_is_a_figure(shared_library: Library) -> None:
    assert shared_library.answer("giảm 3 phần trăm là gì").item_id == "ho-ngheo"


def test_the_list_of_targets_gives_every_figure(shared_library: Library) -> None:
    text = render_text(shared_library.answer("kể hết các chỉ tiêu"))
    for figure in ("55%", "600 triệu USD", "98,5%", "7,5%"):
        assert figure in text


@pytest.mark.parametrize(
    "question",
    [
        "bao nhiêu phần trăm dân số có bảo hiểm y tế",  # a unit, not the resolution's "phần"
        "chỉ tiêu 95% là những chỉ tiêu nào",  # asks about a figure, not for the list
    ],
)
def test_a_figure_question_is_no_overview(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert not (answer.item_id or "").startswith("dem-")


# Keystrokes typed with the Vietnamese input method off (Telex, VNI).
KEYSTROKES = [
    ("kim ngachj xuaats khaaur", "kim-ngach-xuat-khau"),
    ("baor hieemr y tees bao nhieeu", "bhyt"),
    ("tyr leej chee phur rwngf", "che-phu-rung"),
    ("tyr leej hooj ngheof", "ho-ngheo"),
    ("thu ngaan sachs nooij ddiaj", "thu-noi-dia"),
    ("keets napj ddangr vieen mowis", "ket-nap-dang-vien"),
    ("truwowngf ddatj chuaanr quoocs gia", "truong-chuan"),
    ("ai kys nghij quyeets", "nguoi-ky"),
    ("tangw truowngr GRDP bao nhieeu", "grdp-tang-truong"),
    ("ty3 le65 che phu3 ru72ng la2 bao nhie6u", "che-phu-rung"),
    ("thu ngan sa1ch no65i d9i5a", "thu-noi-dia"),
    ("ke61t na5p d9a3ng vie6n mo71i", "ket-nap-dang-vien"),
    # a vowel key left out ("noij" for "nooij"): the one known word it can be
    ("thu noij ddiaj nawm 2020 bao nhieeu tyr", "thu-noi-dia"),
    ("tyr le hoj ngheo giamr bn", "ho-ngheo"),
    ("ket napj dang vien mois bao nhieu", "ket-nap-dang-vien"),
]


@pytest.mark.parametrize(("question", "item"), KEYSTROKES)
def test_raw_telex_and_vni_are_decoded(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


# A figure named alone: the item(s) that state it.
REVERSE = [
    ("13,8% là chỉ tiêu gì", "grdp-cong-nghiep-xay-dung"),
    ("so 3,05% o dau ra", "grdp-thue-san-pham"),
    ("con số 1.600 tỷ nằm ở đâu", "thu-noi-dia"),
    ("con số 600 triệu USD trong nghị quyết là gì", "kim-ngach-xuat-khau"),
    ("45% là tỷ lệ gì", "lao-dong-qua-dao-tao"),
    ("1.600 tỷ là gì", "thu-noi-dia"),
    ("7,5% là chỉ tiêu nào", "grdp-tang-truong"),
    ("98,5% là gì", "bhyt"),
    ("120 triệu USD là chỉ tiêu gì", "kim-ngach-nhap-khau"),
    ("17,8% là tỷ lệ gì", "suy-dinh-duong"),
    ("2.370 là con số gì", "kim-ngach-xnk"),
    ("13,8 phan tram la gi", "grdp-cong-nghiep-xay-dung"),
    ("200 tỷ đồng là khoản thu nào", "thu-xuat-nhap-khau"),
    ("3,05% là mức tăng của cái gì", "grdp-thue-san-pham"),
    ("1.650 triệu USD là số liệu gì", "hang-hoa-giam-sat"),
    ("80,7% la chi tieu ve cai j", "nha-van-hoa"),
    ("600 triệu USD ứng với mục nào trong NQ?", "kim-ngach-xuat-khau"),
    ("33,3 triệu là tiền gì thế", "grdp-binh-quan"),
    ("cái mốc năm 2035 trong nghị quyết gắn với cái gì", "de-an-du-lich"),
    ("năm 2030 là mốc gì", "de-an-nong-nghiep-thong-minh"),
    # the place it is asked in, and slips, name no topic
    ("10% trong nq 20 la chi tiu nao", "von-dau-tu"),
    ("65,3% trong NQ tỉnh ủy 2020 là chỉ tiêu nào", "xa-chuan-y-te"),
    ("so 2.000 trong phan xay dung dang la gi", "ket-nap-dang-vien"),
    ("33% ở phần văn hóa xã hội là gì", "dao-tao-nghe"),
    # why the figure is asked about (not understood, met in a draft), and chat laughter
    ("33% la ty le gi a hihi", "dao-tao-nghe"),
    ("0,089‰ la cai gi vay a, e ko hieu", "ty-suat-sinh"),
    ("tôi thấy ghi 17,8% mà ko rõ là chỉ tiêu nào, giải thích giúp", "suy-dinh-duong"),
    ("Con số 1.650 triệu USD trong nghị quyết dùng cho chỉ tiêu nào?", "hang-hoa-giam-sat"),
    ("trong bản nháp có ghi 33% nhưng không nhớ là chỉ tiêu nào của tỉnh", "dao-tao-nghe"),
    ("600 triệu đô la Mỹ là chỉ tiêu gì", "kim-ngach-xuat-khau"),
]


def test_a_figure_given_to_ask_another_is_no_reverse_look_up(shared_library: Library) -> None:
    answer = shared_library.answer("xuất khẩu 600 triệu USD thì nhập khẩu đăng ký bao nhiêu")
    assert answer.item_id != "kim-ngach-xuat-khau"


# A number with its scale typed ("3 triệu", "2.000 tỷ") is only a figure in that scale.
NOT_IN_THAT_SCALE = [
    "3 triệu là chỉ tiêu gì",
    "2.000 tỷ là gì",
    "con số 55 triệu là chỉ tiêu nào",
    "33 tỷ là gì",
    "15 nghìn là gì",
    "80 tỷ đồng là chỉ tiêu gì",
    "tính giúp em 15% của 3 triệu",
    "tính giúp em 15% của 2 triệu 3",
    "98,5 triệu là gì",
    "con số 120 tỷ trong nghị quyết là gì",
    "2.600 triệu là chỉ tiêu gì",
]


# Only a figure asked about, and no item states it: said so, never an item sharing a word.
NO_SUCH_FIGURE = [
    "con số 77% là gì",
    "con số 77 là chỉ tiêu nào",
    "98% là gì",
    "12,5% là chỉ tiêu gì",
    "con số 3.000 là gì",
]


@pytest.mark.parametrize("question", NO_SUCH_FIGURE)
def test_a_figure_no_item_states_is_said_so(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert answer.headline == "Nghị quyết không có chỉ tiêu hay nội dung nào mang con số này."


@pytest.mark.parametrize("question", NOT_IN_THAT_SCALE)
def test_a_number_in_another_scale_finds_nothing(shared_library: Library, question: str) -> None:
    assert shared_library.answer(question).status == "none"


# Figures offered to choose from ("1.800 tỷ hay 2.000 tỷ"): the words name the item, whose
# figure the reply states.
FIGURES_OFFERED = [
    # (the target answers too: its figures lead with the total)
    ("thu ngân sách trên địa bàn một nghìn tám trăm tỷ hay hai nghìn tỷ", "thu-ngan-sach"),
    ("thu ngân sách năm 2020 là 1.800 tỷ hay 2.000 tỷ", "thu-ngan-sach"),
    # a number offered beside one that is no year is no year either
    ("chỉ tiêu kết nạp đảng viên là hai nghìn hay ba nghìn", "ket-nap-dang-vien"),
    ("thu nội địa là một nghìn sáu trăm tỷ hay một nghìn tám trăm tỷ", "thu-noi-dia"),
    ("tỷ lệ xóm có nhà văn hóa là tám mươi phẩy bảy hay tám mươi lăm phần trăm", "nha-van-hoa"),
    ("che phu rung 55% hay 60%", "che-phu-rung"),
    ("BHYT 98,5% hay 95%", "bhyt"),
    ("xuất khẩu 600 hay 700 triệu USD", "kim-ngach-xuat-khau"),
    ("lao động qua đào tạo nghề 33% hoặc 45%", "dao-tao-nghe"),
    ("kim ngạch nhập khẩu là 120 hay 200 triệu đô", "kim-ngach-nhap-khau"),
    ("tỷ lệ gia đình văn hóa 85% hay 95% vậy", "gia-dinh-van-hoa"),
]


@pytest.mark.parametrize(("question", "item"), FIGURES_OFFERED)
def test_figures_offered_are_answered_by_the_item_named(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.matches[0].id == item


def test_years_offered_are_no_figures(shared_library: Library) -> None:
    answer = shared_library.answer("đề án du lịch tầm nhìn đến năm 2035 hay 2030")
    assert answer.status == "answer"
    assert answer.matches[0].id == "de-an-du-lich"


@pytest.mark.parametrize(("question", "item"), REVERSE)
def test_a_figure_finds_its_item(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


# A figure several items state: every one of them, each with its figure and place.
CARRIED_BY_SEVERAL = [
    ("55% là gì", {"che-phu-rung", "lang-xom-van-hoa"}, "55%"),
    ("55% là chỉ tiêu gì", {"che-phu-rung", "lang-xom-van-hoa"}, "55%"),
    ("muc tieu 55% la gi", {"che-phu-rung", "lang-xom-van-hoa"}, "55%"),
    ("95% là chỉ tiêu gì", {"co-quan-van-hoa", "nuoc-sach-thanh-thi"}, "95%"),
    ("95% ứng với chỉ tiêu nào", {"co-quan-van-hoa", "nuoc-sach-thanh-thi"}, "95%"),
    ("con số 95% trong nghị quyết nghĩa là gì", {"co-quan-van-hoa", "nuoc-sach-thanh-thi"}, "95%"),
    ("80% la gi", {"to-chuc-co-so-dang", "dang-vien-htt"}, "80%"),
    ("80% là tỷ lệ gì", {"to-chuc-co-so-dang", "dang-vien-htt"}, "80%"),
    ("chỉ tiêu 80% là chỉ tiêu nào", {"to-chuc-co-so-dang", "dang-vien-htt"}, "80%"),
    ("tám mươi phần trăm là chỉ tiêu gì", {"to-chuc-co-so-dang", "dang-vien-htt"}, "80%"),
    # asked as a list of targets ("là những chỉ tiêu nào")
    (
        "chỉ tiêu 95% trong NQ là những chỉ tiêu nào",
        {"co-quan-van-hoa", "nuoc-sach-thanh-thi"},
        "95%",
    ),
    (
        "tỷ lệ 95% xuất hiện ở những chỉ tiêu nào",
        {"co-quan-van-hoa", "nuoc-sach-thanh-thi"},
        "95%",
    ),
]


@pytest.mark.parametrize(("question", "items", "figure"), CARRIED_BY_SEVERAL)
def test_a_figure_several_items_state_lists_them_all(
    shared_library: Library, question: str, items: set[str], figure: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert {m.id for m in answer.matches} == items
    assert len(answer.lines) == len(items)
    assert all(figure in line and "(mục II.1." in line for line in answer.lines)


# "chỉ tiêu 45%": a number with a unit after "chỉ tiêu" is a figure, not the target's number.
FIGURE_AFTER_TARGET_WORD = [
    ("chỉ tiêu 45% là gì", "lao-dong-qua-dao-tao"),
    ("chỉ tiêu 33% là gì", "dao-tao-nghe"),
    ("chỉ tiêu 33 phần trăm là gì", "dao-tao-nghe"),
    ("mục tiêu 85% là gì", "gia-dinh-van-hoa"),
    ("chi tieu 17,8% la gi", "suy-dinh-duong"),
    ("chỉ tiêu 600 triệu USD là gì", "kim-ngach-xuat-khau"),
    ("chỉ tiêu 65,3% là gì", "xa-chuan-y-te"),
    # A bare number after "chỉ tiêu" is still the target's number.
    ("chỉ tiêu số 4 về kinh tế", "xuat-nhap-khau"),
    ("chỉ tiêu 1 về môi trường", "che-phu-rung"),
    ("chỉ tiêu 3 về văn hoá xã hội", "y-te"),
]


@pytest.mark.parametrize(("question", "item"), FIGURE_AFTER_TARGET_WORD)
def test_a_number_with_a_unit_after_chi_tieu_is_a_figure(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


@pytest.mark.parametrize("question", ["5,5% là gì", "1.050 triệu USD là gì", "12345 là gì"])
def test_a_figure_the_resolution_does_not_state_is_not_answered(
    shared_library: Library, question: str
) -> None:
    assert shared_library.answer(question).status == "none"


# Numbers spoken out by voice typing are read as numbers.
SPOKEN = [
    ("mười ba phẩy tám phần trăm là chỉ tiêu gì", "grdp-cong-nghiep-xay-dung"),
    ("tăng trưởng kinh tế năm hai nghìn hai mươi là bao nhiêu", "grdp-tang-truong"),
    ("một nghìn sáu trăm tỷ là gì", "thu-noi-dia"),
    ("sáu trăm triệu đô là chỉ tiêu gì", "kim-ngach-xuat-khau"),
    ("bảy phẩy năm phần trăm là chỉ tiêu nào", "grdp-tang-truong"),
    ("chín mươi tám phẩy năm phần trăm là tỷ lệ gì", "bhyt"),
    ("muoi ba phay tam phan tram la gi", "grdp-cong-nghiep-xay-dung"),
    ("mot tram hai muoi trieu do la gi", "kim-ngach-nhap-khau"),
    ("tỷ lệ che phủ rừng năm hai không hai mươi", "che-phu-rung"),
    ("bốn mươi lăm phần trăm lao động là chỉ tiêu gì", "lao-dong-qua-dao-tao"),
]


@pytest.mark.parametrize(("question", "item"), SPOKEN)
def test_spoken_numbers_are_read(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


def test_a_year_spoken_out_of_scope_is_still_refused(shared_library: Library) -> None:
    answer = shared_library.answer("tỷ lệ che phủ rừng năm hai nghìn hai mươi lăm")
    assert answer.status == "none"
    assert "2025" in render_text(answer)


# Attributes the resolution never states: said plainly, then what it does say.
NOT_STATED = [
    # a deadline, asked beside the report the item does name; the rating's criteria
    (
        "văn phòng tỉnh ủy phải báo cáo kết quả thực hiện nghị quyết trước ngày nào",
        "iii-theo-doi",
        "thời hạn",
    ),
    ("tiêu chí xếp loại đảng viên hoàn thành tốt nhiệm vụ ntn", "dang-vien-htt", "cách chấm"),
    # what a standard requires, asked first; who carries out a project; where it was founded
    ("tieu chi nong thon moi la gi", "nong-thon-moi", "nội dung tiêu chí"),
    ("em muốn hỏi tiêu chuẩn trường chuẩn quốc gia là gì", "truong-chuan", "nội dung tiêu chuẩn"),
    ("dự án bò sữa công nghệ cao do doanh nghiệp nào làm", "du-an-bo-sua", "chủ đầu tư"),
    (
        "dự án bò sữa do công ty nào đầu tư, tổng vốn bao nhiêu",
        "du-an-bo-sua",
        "chủ đầu tư, doanh nghiệp thực hiện; vốn đầu tư",
    ),
    ("chi bo dang dau tien cua cao bang thanh lap o xa nao", "ky-niem-90-nam-chi-bo", "địa điểm"),
    # what is reached so far
    ("tỷ lệ BHYT cuối năm đạt bao nhiêu rồi", "bhyt", "kết quả đạt được đến nay"),
    # a figure of one border gate named
    (
        "kim ngạch xuất khẩu qua cửa khẩu Lý Vạn bao nhiêu",
        "kim-ngach-xuat-khau",
        "số liệu riêng cho từng nơi",
    ),
    # each border gate of a list, and a person's own life
    (
        "kim ngạch xuất khẩu qua từng cửa khẩu Tà Lùng, Trà Lĩnh là bao nhiêu",
        "kim-ngach-xuat-khau",
        "số liệu riêng cho từng nơi",
    ),
    ("bí thư tỉnh uỷ Lại Xuân Môn sinh năm nào", "nguoi-ky", "thông tin cá nhân"),
    # each part of one figure; a target of several figures states its own
    ("thu nội địa gồm thuế, phí … mỗi khoản bao nhiêu", "thu-noi-dia", "số liệu từng khoản"),
    ("vốn đầu tư phát triển chia ra từng khoản bao nhiêu", "von-dau-tu", "số liệu từng khoản"),
    # each crop of a total, a count now
    (
        "sản lượng lương thực thì lúa bao nhiêu tấn, ngô bao nhiêu tấn",
        "san-luong-luong-thuc",
        "sản lượng từng loại cây",
    ),
    ("tỉnh hiện đã có bao nhiêu xã đạt chuẩn nông thôn mới", "nong-thon-moi", "số liệu hiện nay"),
    # when it is finished, asked around its name: the resolution sets when it starts
    ("bao giờ cao tốc Đồng Đăng Trà Lĩnh mới xong", "cao-toc-dong-dang-tra-linh", "thời điểm"),
    ("khi nào dự án bò sữa đi vào hoạt động", "du-an-bo-sua", "thời điểm hoàn thành"),
    # a conversion into another currency is not the figure the resolution gives
    ("GRDP bình quân đầu người tính ra USD là bao nhiêu", "grdp-binh-quan", "con số tính bằng"),
    ("tỷ lệ hộ nghèo giảm xuống bao nhiêu", "ho-ngheo", "mức còn lại sau khi giảm"),
    # a count of what a figure sets per something the question does not name
    ("so bac sy toan tinh nam 2020 la bao nhieu nguoi", "bac-sy-van-dan", "tổng số người"),
    (
        "hướng dẫn đánh giá xếp loại chất lượng đảng viên cuối năm làm thế nào",
        "dang-vien-htt",
        "cách chấm điểm, đánh giá",
    ),
    (
        "tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ phải đạt bao nhiêu",
        "dang-vien-htt",
        "tỷ lệ riêng mức hoàn thành xuất sắc",
    ),
    (
        "nghị quyết sáp nhập huyện Thông Nông vào Hà Quảng số mấy",
        "sap-xep-don-vi-hanh-chinh",
        "số hiệu văn bản",
    ),
    ("tiêu chuẩn công nhận gia đình văn hóa gồm những gì", "gia-dinh-van-hoa", "tiêu chuẩn"),
    ("làm sao để được kết nạp vào đảng", "ket-nap-dang-vien", "điều kiện, thủ tục"),
    # a district asked about itself: an event of the province says nothing of it
    ("huyện Quảng Hòa thành lập năm nào", "ky-niem-90-nam-chi-bo", "nội dung về Quảng Hoà"),
    (
        "tỷ suất sinh năm 2020 là bao nhiêu, ý em là con số tỷ suất chứ ko phải mức giảm",
        "ty-suat-sinh",
        "mức của chính tỷ lệ",
    ),
    ("ngày khởi công cao tốc cụ thể là ngày nào", "cao-toc-dong-dang-tra-linh", "ngày cụ thể"),
    # a breakdown by goods: trade is stated as totals
    ("kim ngạch xuất khẩu nông sản", "kim-ngach-xuat-khau", "số liệu theo từng mặt hàng"),
    ("xuất khẩu hàng nông sản bao nhiêu", "kim-ngach-xuat-khau", "số liệu theo từng mặt hàng"),
    # a month of the year: the resolution sets the year's figures
    ("thu nội địa tháng 6 phải đạt bao nhiêu", "thu-noi-dia", "số liệu theo từng kỳ"),
    ("kim ngạch xuất khẩu tháng 6 phải đạt bao nhiêu", "kim-ngach-xuat-khau", "số liệu theo"),
    ("hết tháng 9 tỷ lệ BHYT phải bao nhiêu", "bhyt", "số liệu theo từng kỳ"),
    ("tháng sáu thu ngân sách bao nhiêu", "thu-ngan-sach", "số liệu theo từng kỳ"),
    # which communes or schools: the resolution counts them, names none
    ("xã nào sẽ được công nhận nông thôn mới năm 2020", "nong-thon-moi", "danh sách cụ thể"),
    ("trường nào được công nhận chuẩn quốc gia", "truong-chuan", "danh sách cụ thể"),
    # a count of a named thing's parts
    (
        "đề án nông nghiệp thông minh có mấy dự án thành phần",
        "de-an-nong-nghiep-thong-minh",
        "con số",
    ),
    ("đề án du lịch có bao nhiêu nhiệm vụ", "de-an-du-lich", "con số được hỏi"),
    # (a phrase running into an opener is asked: "cần" opens "… cần những gì")
    ("hồ sơ vay vốn ngân hàng chính sách xã hội cần những gì", "giam-ngheo-ben-vung", "điều kiện"),
    (
        "cách chấm điểm đánh giá xếp loại đảng viên cuối năm",
        "chat-luong-dang",
        "cách chấm điểm, đánh giá",
    ),
    ("tỷ lệ che phủ rừng thực tế năm 2020 đạt bao nhiêu", "che-phu-rung", "kết quả"),
    ("cao tốc Đồng Đăng Trà Lĩnh dài bao nhiêu km", "cao-toc-dong-dang-tra-linh", "chiều dài"),
    ("đề án du lịch được cấp bao nhiêu tiền", "de-an-du-lich", "kinh phí"),
    ("thực tế kết nạp được bao nhiêu đảng viên", "ket-nap-dang-vien", "kết quả"),
    (
        "kinh phí đề án nông nghiệp thông minh là bao nhiêu",
        "de-an-nong-nghiep-thong-minh",
        "kinh phí",
    ),
    ("dự án bò sữa tổng mức đầu tư bao nhiêu", "du-an-bo-sua", "tổng mức đầu tư"),
    ("thu ngân sách năm 2020 thực tế đạt được bao nhiêu", "thu-ngan-sach", "kết quả"),
    ("tỷ lệ hộ nghèo trên thực tế giảm được bao nhiêu", "ho-ngheo", "kết quả"),
    ("chỉ số PCI của tỉnh mục tiêu lên hạng thứ mấy", "cai-cach-hanh-chinh", "thứ hạng"),
    ("mức hỗ trợ mỗi hộ đưa gia súc ra khỏi gầm sàn bao nhiêu", "gam-san", "mức hỗ trợ"),
    ("cao tốc Đồng Đăng Trà Lĩnh khởi công tháng mấy", "cao-toc-dong-dang-tra-linh", "ngày"),
    ("tỷ lệ hộ nghèo hiện tại của tỉnh là bao nhiêu", "ho-ngheo", "số liệu hiện nay"),
    ("tỷ lệ hộ nghèo đang là bao nhiêu", "ho-ngheo", "số liệu hiện nay"),
    ("hiện nay tỷ lệ che phủ rừng là bao nhiêu", "che-phu-rung", "số liệu hiện nay"),
    ("UBND huyện giao cho từng xã tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo", "mức phân bổ"),
    ("suy dinh dưỡng tính thể nhẹ cân hay thấp còi vậy", "suy-dinh-duong", "cụ thể là"),
    ("mỗi huyện thêm 1 trường chuẩn quốc gia là trường cấp mấy", "truong-chuan", "cấp học"),
    (
        "Văn phòng Tỉnh ủy phải báo cáo BTV bao lâu một lần, hàng quý hay 6 tháng?",
        "iii-theo-doi",
        "tần suất",
    ),
    ("tổng vốn đầu tư dự án bò sữa là bao nhiêu tiền", "du-an-bo-sua", "tổng mức đầu tư"),
    ("tong von dau tu du an cao toc dong dang tra linh bn", "cao-toc-dong-dang-tra-linh", "tổng"),
    ("Đề án du lịch đặt mục tiêu đón bao nhiêu lượt khách", "de-an-du-lich", "con số"),
    ("dự án bò sữa nuôi bao nhiêu con bò", "du-an-bo-sua", "con số"),
    ("huyện nào được giao tăng thêm xã nông thôn mới", "nong-thon-moi", "danh sách cụ thể"),
    (
        "Sắp xếp đơn vị hành chính cấp xã phải xong trước ngày nào",
        "sap-xep-don-vi-hanh-chinh",
        "thời",
    ),
    ("Đồng chí Lại Xuân Môn quê ở đâu", "nguoi-ky", "thông tin cá nhân"),
    ("nghi quyet co hieu luc tu ngay nao", "ngay-hoi-nghi", "ngày có hiệu lực"),
    ("NQ nay so may -NQ/TU vay bot, minh can ghi trich yeu", "ten-nghi-quyet", "số hiệu"),
    # a count for each place, of a count for the whole province
    ("moi huyen phai dua bao nhieu ho gia suc ra khoi gam san", "gam-san", "mức phân bổ"),
    ("mỗi huyện phải kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien", "mức phân bổ"),
    ("mỗi huyện phải có thêm bao nhiêu xã đạt chuẩn NTM vậy", "nong-thon-moi", "mức phân bổ"),
    ("năm sinh của người ký nghị quyết", "nguoi-ky", "thông tin cá nhân"),
    ("đường cao tốc dài bao nhiêu cây số", "cao-toc-dong-dang-tra-linh", "chiều dài"),
    ("xã đạt chuẩn nông thôn mới thực tế làm được bao nhiêu", "nong-thon-moi", "kết quả"),
    # An amount asked of an item that states none; a place, a rank, who leads it.
    ("dự án bò sữa vốn bao nhiêu tỷ", "du-an-bo-sua", "con số được hỏi"),
    ("khu kinh tế cửa khẩu rộng bao nhiêu ha", "de-an-khu-kinh-te-cua-khau", "diện tích"),
    ("sở nào chủ trì đề án du lịch", "de-an-du-lich", "đơn vị chủ trì"),
    ("lễ kỷ niệm 90 năm thành lập chi bộ tổ chức ở đâu", "ky-niem-90-nam-chi-bo", "địa điểm"),
    ("chỉ số năng lực cạnh tranh cấp tỉnh xếp hạng mấy", "cai-cach-hanh-chinh", "thứ hạng"),
    # A figure asked in a unit of another kind (money of a target set in %).
    (
        "tổng vốn đầu tư toàn xã hội bao nhiêu nghìn tỷ đồng",
        "von-dau-tu",
        "con số tính bằng tỷ đồng",
    ),
    ("thu nội địa bao nhiêu phần trăm", "thu-noi-dia", "con số tính bằng %"),
    # a project's or a scheme's money, never the province's investment target
    (
        "cao tốc Đồng Đăng Trà Lĩnh vốn đầu tư bao nhiêu",
        "cao-toc-dong-dang-tra-linh",
        "vốn đầu tư",
    ),
    ("du an bo sua cong nghe cao tong von dau tu bn", "du-an-bo-sua", "vốn đầu tư"),
    ("đề án du lịch kinh phí bao nhiêu", "de-an-du-lich", "kinh phí"),
    # what a scheme covers in detail
    (
        "đề án nông nghiệp thông minh áp dụng cho cây trồng nào",
        "de-an-nong-nghiep-thong-minh",
        "phạm vi",
    ),
    # a place, a market, a group of people
    ("dự án bò sữa đặt ở xã nào", "du-an-bo-sua", "địa điểm"),
    ("kim ngạch xuất khẩu sang Trung Quốc là bao nhiêu", "kim-ngach-xuat-khau", "số liệu theo"),
    ("tỷ lệ tham gia BHYT của người dân tộc thiểu số", "bhyt", "số liệu riêng cho từng nhóm"),
    ("số trạm y tế có bác sĩ là bao nhiêu trạm", "tram-y-te-bac-sy", "số trạm"),
    # a border gate by name: the targets are the province's
    (
        "kim ngạch qua cửa khẩu Trà Lĩnh năm 2020 đặt bao nhiêu triệu usd",
        "xuat-nhap-khau",
        "số liệu riêng cho từng nơi",
    ),
    ("kim ngạch xuất khẩu qua cửa khẩu Tà Lùng", "kim-ngach-xuat-khau", "số liệu riêng"),
    # a part of the year: the targets are the year's
    ("thu ngân sách 6 tháng đầu năm 2020 đạt bao nhiêu", "thu-ngan-sach", "số liệu theo từng kỳ"),
    ("kim ngạch xuất khẩu quý 1 là bao nhiêu", "kim-ngach-xuat-khau", "số liệu theo từng kỳ"),
    ("mỗi tháng phải kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien", "số liệu theo từng kỳ"),
    # the province's total of a figure set for each district
    (
        "trường chuẩn quốc gia toàn tỉnh cộng lại là bao nhiêu trường",
        "truong-chuan",
        "tổng số của cả tỉnh",
    ),
    ("vốn đầu tư toàn xã hội bao nhiêu nghìn tỷ", "von-dau-tu", "con số tính bằng tỷ đồng"),
    ("vốn đầu tư toàn xã hội năm 2020 là bao nhiêu tỷ", "von-dau-tu", "con số tính bằng tỷ đồng"),
    # A count in a noun none of the item's figures counts in.
    ("bộ tiêu chí xã nông thôn mới có bao nhiêu tiêu chí", "nong-thon-moi", "số tiêu chí"),
    # Said plainly even when the item is not a sure answer to the rest of the words.
    ("dự án bò sữa công nghệ cao do ai làm chủ đầu tư", "du-an-bo-sua", "chủ đầu tư"),
    ("văn phòng tỉnh ủy bao lâu một lần báo cáo ban thường vụ", "iii-theo-doi", "tần suất"),
    ("đào tạo nghề 33% thì cả năm phải đào tạo bao nhiêu người", "dao-tao-nghe", "số người"),
    ("dự án bò sữa công nghệ cao đặt ở huyện nào", "du-an-bo-sua", "địa điểm"),
    # Who is elected, when a project is finished, a list of roads or criteria.
    ("Đại hội XIX bầu ai làm bí thư tỉnh ủy", "dai-hoi-dang-bo-xix", "nhân sự được bầu"),
    (
        "cao tốc Đồng Đăng Trà Lĩnh bao giờ xong",
        "cao-toc-dong-dang-tra-linh",
        "thời điểm hoàn thành",
    ),
    (
        "cao toc dong dang tra linh khi nao thong xe",
        "cao-toc-dong-dang-tra-linh",
        "thời điểm hoàn thành",
    ),
    ("xã nông thôn mới cần đạt những tiêu chí nào", "nong-thon-moi", "bộ tiêu chí"),
    # Procedures, documents, lists and current counts the resolution never gives.
    ("Thủ tục công nhận xã đạt chuẩn NTM gồm những bước gì", "nong-thon-moi", "thủ tục"),
    ("hồ sơ kết nạp đảng viên cần những giấy tờ gì", "ket-nap-dang-vien", "hồ sơ, thủ tục"),
    (
        "sắp xếp đơn vị hành chính thì nhập những huyện nào",
        "sap-xep-don-vi-hanh-chinh",
        "danh sách cụ thể",
    ),
    (
        "văn bản nào quy định việc sắp xếp đơn vị hành chính",
        "sap-xep-don-vi-hanh-chinh",
        "văn bản quy định",
    ),
    ("mức đóng BHYT hộ gia đình là bao nhiêu", "bhyt", "mức đóng"),
    (
        "2.000 đảng viên mới phân bổ cho từng huyện bao nhiêu",
        "ket-nap-dang-vien",
        "mức phân bổ cho từng đơn vị",
    ),
    ("quy trình công nhận gia đình văn hóa thế nào", "gia-dinh-van-hoa", "quy trình"),
    (
        "kết nạp đảng viên mới chia theo từng huyện bao nhiêu",
        "ket-nap-dang-vien",
        "mức phân bổ cho từng đơn vị",
    ),
    ("che phủ rừng theo từng huyện là bao nhiêu", "che-phu-rung", "mức phân bổ cho từng đơn vị"),
    ("cách đóng BHYT hộ gia đình", "bhyt", "thủ tục, cách thực hiện"),
    ("chỉ số PCI năm 2020 tỉnh phấn đấu xếp thứ bao nhiêu", "cai-cach-hanh-chinh", "thứ hạng"),
    # a total to date, of a figure set as an increase in the year
    (
        "tổng số xã đạt chuẩn NTM của tỉnh tính đến cuối 2020 là bao nhiêu",
        "nong-thon-moi",
        "tổng số tích luỹ",
    ),
    ("lũy kế số xã nông thôn mới", "nong-thon-moi", "số liệu luỹ kế"),
    # what is done so far
    ("đến giờ đã kết nạp được bao nhiêu đảng viên rồi", "ket-nap-dang-vien", "kết quả đạt được"),
    ("đến nay đã thu ngân sách được bao nhiêu", "thu-ngan-sach", "kết quả đạt được"),
    # whether it is done yet: a result, never a target
    (
        "cao tốc Đồng Đăng Trà Lĩnh đã thông xe chưa",
        "cao-toc-dong-dang-tra-linh",
        "kết quả thực hiện",
    ),
    ("cao tốc Trà Lĩnh xong chưa", "cao-toc-dong-dang-tra-linh", "kết quả thực hiện"),
    # by month or quarter
    (
        "ket nap 2000 dang vien chia theo thang the nao",
        "ket-nap-dang-vien",
        "số liệu theo từng kỳ",
    ),
    ("thu ngân sách theo quý", "thu-ngan-sach", "số liệu theo từng kỳ"),
    # a conversion to another currency, the result really reached, which unit it merges into
    (
        "kim ngạch xuất khẩu tính bằng tỷ đồng là bao nhiêu",
        "kim-ngach-xuat-khau",
        "con số tính bằng",
    ),
    ("cuối năm có thực sự đạt 98,5% BHYT không", "bhyt", "kết quả thực tế"),
    ("xã Quang Trung sáp nhập với xã nào", "sap-xep-don-vi-hanh-chinh", "danh sách cụ thể"),
    # a count as it stands now
    ("hiện tỉnh có bao nhiêu trường đạt chuẩn quốc gia", "truong-chuan", "số liệu hiện nay"),
    # a rate asked of an item that sets a count
    ("xóa mù chữ cụ thể là tỷ lệ bao nhiêu", "truong-chuan", "tỷ lệ cho nội dung này"),
    ("số xã NTM chiếm tỷ lệ bao nhiêu", "nong-thon-moi", "tỷ lệ cho nội dung này"),
    ("kết nạp đảng viên mới tỷ lệ bao nhiêu", "ket-nap-dang-vien", "tỷ lệ cho nội dung này"),
    (
        "che phủ rừng giao riêng cho huyện Bảo Lạc là bao nhiêu, nghị quyết có phân bổ không",
        "che-phu-rung",
        "mức phân bổ cho từng đơn vị",
    ),
    # "cụ thể thế nào" asks detail, never "cụ thể hoá"
    (
        "chỉ tiêu giảm nghèo chia cho từng huyện cụ thể thế nào",
        "ho-ngheo",
        "mức phân bổ cho từng đơn vị",
    ),
    ("có tổng cộng bao nhiêu xã đạt NTM tính đến cuối 2020", "nong-thon-moi", "tổng số tích luỹ"),
    (
        "tiêu chí số 17 trong bộ tiêu chí nông thôn mới quy định gì",
        "nong-thon-moi",
        "nội dung từng tiêu chí",
    ),
]


@pytest.mark.parametrize(
    ("question", "item"),
    [
        # a rate, a figure per something, or one set per district holds for each place
        ("mỗi huyện phải đạt tỷ lệ che phủ rừng bao nhiêu", "che-phu-rung"),
        ("mỗi huyện tăng thêm bao nhiêu trường chuẩn", "truong-chuan"),
        ("mỗi xã phải có bao nhiêu bác sĩ trên vạn dân", "bac-sy-van-dan"),
        ("bao nhiêu xã đạt chuẩn nông thôn mới", "nong-thon-moi"),
        ("kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien"),
        ("bao nhiêu hộ đưa gia súc ra khỏi gầm sàn", "gam-san"),
        ("bao nhiêu % xã đạt chuẩn quốc gia về y tế", "xa-chuan-y-te"),
        ("giảm hộ nghèo bao nhiêu năm 2020", "ho-ngheo"),
    ],
)
def test_a_count_in_the_figures_own_noun_is_answered(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("kim ngạch xuất khẩu bao nhiêu tỷ đồng", "kim-ngach-xuat-khau"),  # money for money
        ("GRDP bình quân đầu người bao nhiêu USD", "grdp-binh-quan"),
        ("nghị quyết nói gì về cao tốc Đồng Đăng Trà Lĩnh", "cao-toc-dong-dang-tra-linh"),
    ],
)
def test_what_is_stated_in_another_unit_or_asked_of_the_resolution_is_answered(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# Asked in other words, but a plain question about one item.
PLAIN_IN_OTHER_WORDS = [
    # a figure set for each district: its share for each district is the figure itself
    ("trường chuẩn quốc gia theo từng huyện bao nhiêu", ["truong-chuan"]),
    ("trường chuẩn cho từng huyện bao nhiêu", ["truong-chuan"]),
    # the increase itself, asked with a word of totals
    ("tổng số xã NTM tăng thêm bao nhiêu", ["nong-thon-moi"]),
    # abbreviations read by their neighbours: "cn" beside the sectors, "nd" after "thu"
    ("cn xây dựng chỉ tiêu tăng trưởng là mấy", ["grdp-cong-nghiep-xay-dung"]),
    ("thu nd bao nhieu ty", ["thu-noi-dia"]),
    # how much detail is wanted names no topic
    ("chỉ tiêu xuất nhập khẩu chi tiết gồm mấy con số", ["xuat-nhap-khau"]),
    # a district an item's own name holds stays a word of the topic
    ("Trà Lĩnh có cao tốc đi qua không", ["cao-toc-dong-dang-tra-linh"]),
    ("dự án cao tốc đi Trà Lĩnh khởi công năm nào", ["cao-toc-dong-dang-tra-linh"]),
    # "lên" (reaching) splits no pair of the item
    ("Hạ Lang năm 2020 cần bao nhiêu xã lên nông thôn mới", ["nong-thon-moi"]),
    ("xã mình năm nay phải lên NTM bao nhiêu xã", ["nong-thon-moi"]),
    # "gấp" of urgency is no comparison
    ("Đang họp gấp, cần ngay: vốn đầu tư toàn xã hội 2020 tăng bao nhiêu?", ["von-dau-tu"]),
    ("họp gấp, tỷ lệ che phủ rừng bao nhiêu", ["che-phu-rung"]),
    # "hội nghị lần thứ mấy" asks which conference
    ("nghị quyết này được thông qua tại hội nghị lần thứ mấy", ["hoi-nghi"]),
    # the asker's story of a form is no request for one
    (
        "đang điền biểu mẫu dân số cần ghi mức giảm tỷ suất sinh theo nghị quyết",
        ["ty-suat-sinh", "dan-so"],
    ),
    # a rate per something is a rate
    ("tỷ lệ bác sĩ trên vạn dân bao nhiêu", ["bac-sy-van-dan"]),
    # "hay bao nhiêu" asks; it offers no option
    (
        "tổng kim ngạch xuất nhập khẩu là hai nghìn ba trăm bảy mươi triệu đô hay bao nhiêu",
        ["kim-ngach-xnk", "xuat-nhap-khau"],
    ),
    # a scheme whose wording lists its parts has them for content
    ("các đề án chiến lược gồm những gì", ["de-an-chien-luoc"]),
    ("cacs ddeef ans chieens luwowcj gomf nhuwngx gif", ["de-an-chien-luoc"]),
    # of the choices, the one the asker's story names
    (
        "Tôi là phóng viên đang viết bài về nông thôn mới, NQ đặt mục tiêu thêm bao nhiêu xã "
        "đạt chuẩn?",
        ["nong-thon-moi"],
    ),
    (
        "tôi đang làm báo cáo về xã chuẩn quốc gia về y tế, mục tiêu bao nhiêu xã đạt chuẩn",
        ["xa-chuan-y-te"],
    ),
    (
        "tôi đang làm báo cáo về làng xóm văn hoá, mục tiêu bao nhiêu xã đạt chuẩn",
        ["lang-xom-van-hoa"],
    ),
    ("tóm tắt ngắn gọn nghị quyết hội nghị 20 cho mình vs", ["ten-nghi-quyet"]),
    # the resolution's own name and term are its context, never numbers of the topic
    ("theo nghị quyết hội nghị 20 khoá XVIII, tỷ lệ hộ nghèo giảm bao nhiêu", ["ho-ngheo"]),
    ("GRDP bình quân đầu người bao nhiêu theo nghị quyết khoá XVIII", ["grdp-binh-quan"]),
    (
        "nghị quyết HN 20 khóa XVIII đặt mục tiêu GRDP bình quân đầu người bao nhiêu",
        ["grdp-binh-quan"],
    ),
    ("cho em hỏi với ạ, nghị quyết lần thứ 20 đặt tỷ lệ che phủ rừng bao nhiêu", ["che-phu-rung"]),
    # "nhiệm vụ trọng tâm", what the resolution's title calls its tasks
    ("nhiệm vụ trọng tâm về quốc phòng an ninh", ["quoc-phong-an-ninh", "nv-quoc-phong-an-ninh"]),
    ("nhiệm vụ trọng tâm về giáo dục", ["giao-duc-dao-tao"]),
    ("Nghị quyết về mục tiêu và một số nhiệm vụ trọng tâm năm 2020", ["ten-nghi-quyet"]),
    # a plea's "với" and an elder addressed are no comparison, no topic
    ("chú cho cháu hỏi với, nghị quyết này ký ngày nào", ["ngay-hoi-nghi"]),
    # "thuộc" (belongs to) names no topic
    ("thuộc khóa mấy", ["nhiem-ky"]),
    ("nghị quyết thuộc khóa mấy", ["nhiem-ky"]),
    # the framing of a story does not make it a result asked
    (
        "trạm y tế xã em đến giờ vẫn chưa có bác sĩ, NQ yêu cầu tỷ lệ trạm có bác sĩ bn",
        ["tram-y-te-bac-sy"],
    ),
    # a letter's salutation is no "gửi" of the recipients list
    (
        "Kính gửi, tôi công tác ở Sở Công Thương cần số liệu kim ngạch nhập khẩu đăng ký tại "
        "địa bàn năm 2020 theo nghị quyết tỉnh ủy",
        {"kim-ngach-nhap-khau", "xuat-nhap-khau"},
    ),
    # "nghị quyết 2020" is the year's resolution, no resolution numbered 2020
    ("tỷ lệ che phủ rừng trong nghị quyết 2020", {"che-phu-rung"}),
    (
        "Anh ơi em là cán bộ văn phòng huyện ủy Trùng Khánh, sếp bảo tra giúp tỷ lệ che phủ "
        "rừng trong nghị quyết 2020, anh xem giúp em với",
        {"che-phu-rung"},
    ),
    # "USD" spelled out by voice typing
    ("một nghìn sáu trăm năm mươi triệu u ét đê là gì", {"hang-hoa-giam-sat"}),
    ("sáu trăm triệu u ét đê là chỉ tiêu gì", {"kim-ngach-xuat-khau"}),
    # "có những cái nào" asks a list
    ("chi tieu moi truong co nhung cai nao", {"moi-truong"}),
    ("chỉ tiêu văn hóa xã hội gồm những cái nào", {"van-hoa-xa-hoi"}),
    # an event asked by its kind
    ("năm 2020 tỉnh có tổ chức kỷ niệm sự kiện gì lớn không", {"ky-niem-90-nam-chi-bo"}),
    ("năm 2020 có lễ kỷ niệm gì", {"ky-niem-90-nam-chi-bo"}),
    ("nk dang ky tai dia ban bn", {"kim-ngach-nhap-khau"}),
    # a district and "xuống" are no words of the item's own pairs
    ("Hà Quảng phải giảm suy dinh dưỡng trẻ em xuống dưới bao nhiêu", {"suy-dinh-duong"}),
    # a yes/no closed by addressing the bot, and a story before the target asked of
    ("có chỉ tiêu tỷ lệ hộ dùng điện lưới quốc gia ko bot", {"dem-chi-tieu"}),
    (
        "e la giao vien, dang viet tham luan ve giao duc, nghi quyet 2020 co chi tieu gi ve "
        "truong chuan quoc gia ko a",
        {"truong-chuan"},
    ),
    # what the asker's superior asked is the question
    ("sếp em hỏi nghị quyết này do ai ký", {"nguoi-ky"}),
    ("sếp mình bảo tra chỉ tiêu BHYT", {"bhyt"}),
    # what the resolution itself is about: its name and subject
    ("nghị quyết nói về gì", {"ten-nghi-quyet"}),
    ("nghị quyết này nói về cái gì", {"ten-nghi-quyet"}),
    ("NQ 20 nói về cái gì", {"ten-nghi-quyet"}),
    # "HN" beside the conference's numbering is "hội nghị" (else Hà Nội)
    ("HN lần thứ 20 họp ngày nào", {"ngay-hoi-nghi"}),
    (
        "Kính gửi, tôi công tác ở Sở Nông nghiệp. Xin cho biết chỉ tiêu tổng sản lượng lương "
        "thực có hạt năm 2020 theo Nghị quyết HN lần thứ 20.",
        {"san-luong-luong-thuc"},
    ),
    # the culture titles measure the cultured life
    ("cho xin hết các chỉ tiêu về đời sống văn hóa", {"van-hoa"}),
    # a clause saying what a place is, the issuer's name, where the answer goes: the story
    ("Hạ Lang là huyện biên giới, chỉ tiêu kim ngạch XNK của huyện bao nhiêu", {"kim-ngach-xnk"}),
    ("huyện em là huyện biên giới, nhiệm vụ quốc phòng an ninh là gì", {"nv-quoc-phong-an-ninh"}),
    (
        "Anh ơi, em mới về Sở Tài chính, sếp bảo tra số thu nội địa năm 2020 theo NQ tỉnh uỷ, "
        "anh cho em xin số với",
        {"thu-noi-dia"},
    ),
    (
        "Tôi công tác ở Ban Tuyên giáo, cần dẫn chỉ tiêu che phủ rừng 2020 vào bài viết, nhờ "
        "bot cho biết",
        {"che-phu-rung"},
    ),
    # "hội nghị nào" asks for the conference, whatever else part I shares
    ("NQ này được thông qua tại hội nghị nào", {"hoi-nghi"}),
    (
        "Tôi là cán bộ Ban Tuyên giáo, chuẩn bị tài liệu sinh hoạt chi bộ, xin cho biết NQ này "
        "được thông qua tại hội nghị nào, ngày nào?",
        {"hoi-nghi"},
    ),
    ("đại hội đảng bộ tỉnh sắp tới là lần thứ mấy nhiệm kỳ nào", {"dai-hoi-dang-bo-xix"}),
    (
        "Thành phố Cao Bằng có dự án phát triển đô thị nào trong nghị quyết không?",
        {"du-an-trong-diem"},
    ),
    # bare "de ra" is "đề ra" (set out), no purpose
    ("nghi quyet de ra nhiem vu gi ve quoc phong an ninh", {"nv-quoc-phong-an-ninh"}),
    ("cac van ban lam can cu de ra nghi quyet nay la gi", {"can-cu"}),
    # a figure asked about in other words
    ("80% thi la chi tieu gi", {"to-chuc-co-so-dang", "dang-vien-htt"}),
    ("65,3% nói về vấn đề gì", {"xa-chuan-y-te"}),
    ("tăng trên 10% trong nghị quyết là nói cái gì", {"von-dau-tu"}),
    ("33% thi sao, la gi", {"dao-tao-nghe"}),
    ("80% thi ap dung cho chi tieu nao", {"to-chuc-co-so-dang", "dang-vien-htt"}),
    ("tóm tắt nghị quyết 20 cho e trong vài dòng", {"ten-nghi-quyet"}),
    (
        "Kính gửi bot, tôi là chuyên viên Văn phòng, cần xác nhận ngày tổ chức Hội nghị lần thứ "
        "20 BCH Đảng bộ tỉnh khóa XVIII để ghi vào văn bản.",
        {"ngay-hoi-nghi"},
    ),
]


@pytest.mark.parametrize(("question", "items"), PLAIN_IN_OTHER_WORDS)
def test_plain_questions_in_other_words(
    shared_library: Library, question: str, items: set[str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.matches[0].id in items


def test_the_projects_to_start_are_counted_whole(shared_library: Library) -> None:
    answer = shared_library.answer("có mấy dự án phải khởi công năm 2020")
    assert answer.item_id == "dem-du-an"
    assert shared_library.answer("các dự án trọng điểm").item_id == "du-an-trong-diem"


def test_what_the_wording_says_is_stated(shared_library: Library) -> None:
    # "chủ trì" is never stated ... except where the resolution says who does.
    answer = shared_library.answer("cơ quan nào chủ trì theo dõi việc thực hiện nghị quyết")
    assert answer.item_id == "iii-theo-doi"
    assert "Văn phòng Tỉnh uỷ chủ trì" in answer.headline


@pytest.mark.parametrize(("question", "item", "attribute"), NOT_STATED)
def test_an_attribute_not_stated_is_said_plainly(
    shared_library: Library, question: str, item: str, attribute: str
) -> None:
    answer = shared_library.answer(question)
    # No item answers what was asked (none), but the reply tells about the item.
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith(f"Nghị quyết không nêu {attribute}")
    described = shared_library.describe(item)
    assert answer.lines[0] == described.headline  # what it does say, never as the value


# A place's or a body's own figure ("riêng huyện Bảo Lâm", "được giao riêng"): the
# resolution sets the province's figure, none of their own; the reply says so, then the item.
OWN_FIGURE = [
    ("chỉ tiêu che phủ rừng riêng huyện Bảo Lâm là bao nhiêu", "che-phu-rung"),
    ("chỉ tiêu thu ngân sách giao riêng cho huyện Trùng Khánh là bao nhiêu", "thu-ngan-sach"),
    ("huyen Nguyen Binh phai dat ty le che phu rung bao nhieu rieng", "che-phu-rung"),
    ("riêng thành phố Cao Bằng phải kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien"),
    ("hội nông dân được giao riêng bao nhiêu xã NTM", "nong-thon-moi"),
    ("xã em riêng phải đạt BHYT bao nhiêu", "bhyt"),
    ("riêng huyện Hà Quảng tỷ lệ hộ nghèo phải giảm bao nhiêu", "ho-ngheo"),
    ("tỷ lệ gia đình văn hóa riêng của huyện Hòa An là bao nhiêu", "gia-dinh-van-hoa"),
    ("huyện Bảo Lạc được giao riêng bao nhiêu hộ đưa gia súc ra khỏi gầm sàn", "gam-san"),
    ("riêng huyện Thạch An thu nhập bình quân đầu người bao nhiêu", "grdp-binh-quan"),
    # what belongs to a named district ("của huyện …"): its own, which the resolution never sets
    ("tỷ lệ BHYT của huyện Thạch An năm 2020 là bao nhiêu", "bhyt"),
    ("chỉ tiêu hộ nghèo của Hà Quảng giảm mấy %", "ho-ngheo"),
    ("số xã NTM của thành phố Cao Bằng năm nay bao nhiêu", "nong-thon-moi"),
    # a district typed bare whose word is also a framing word ("lam": "làm")
    ("ty le ho ngheo cua huyen Bao Lam giam bn", "ho-ngheo"),
]

# The province's own asked, a district only in the story: the province's figure.
PROVINCE_ASKED_BESIDE_A_DISTRICT = [
    (
        "tôi ở trường nghề của huyện Hòa An, tỷ lệ lao động qua đào tạo nghề của tỉnh bao nhiêu",
        "dao-tao-nghe",
    ),
    (
        "xã em thuộc huyện Bảo Lâm, cho hỏi che phủ rừng toàn tỉnh phải đạt bao nhiêu",
        "che-phu-rung",
    ),
]


@pytest.mark.parametrize(("question", "item"), PROVINCE_ASKED_BESIDE_A_DISTRICT)
def test_the_province_asked_beside_a_district_gets_its_figure(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


@pytest.mark.parametrize(("question", "item"), OWN_FIGURE)
def test_a_places_own_figure_is_not_stated(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith("Nghị quyết không nêu chỉ tiêu riêng")
    assert answer.lines[0] == shared_library.describe(item).headline


def test_a_figure_set_for_each_district_is_a_places_own(shared_library: Library) -> None:
    answer = shared_library.answer("huyện Hà Quảng riêng được giao bao nhiêu trường chuẩn")
    assert answer.item_id == "truong-chuan"
    assert shared_library.answer("huyện Trùng Khánh được giao mấy trường chuẩn").item_id == (
        "truong-chuan"
    )


@pytest.mark.parametrize(
    "question",
    [
        "huyện Hạ Lang có bao nhiêu xã",
        "huyen Ha Quang co bao nhieu xom",
        "huyện Hòa An có bao nhiêu thôn",
    ],
)
def test_a_district_asked_about_itself_is_not_stated(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert answer.headline.startswith("Nghị quyết không nêu số liệu riêng về ")


@pytest.mark.parametrize(
    ("question", "item"),
    [
        # a district's figure the asker must reach is the province's, with the note
        ("huyện Trùng Khánh phải đạt che phủ rừng bao nhiêu", "che-phu-rung"),
        # the asker's own unit "được giao" a task of theirs
        (
            "Đơn vị em được giao viết tin về lễ kỷ niệm chi bộ Đảng đầu tiên, "
            "đây là kỷ niệm bao nhiêu năm",
            "ky-niem-90-nam-chi-bo",
        ),
    ],
)
def test_no_assignment_is_asked_without_a_district_given_one(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# A figure the question quotes, then "bao nhiêu" after a word of sharing: a share, a
# breakdown or a conversion of it, which the resolution does not give.
SHARE_OF_A_QUOTED_FIGURE = [
    ("2.000 đảng viên thì mỗi huyện phải kết nạp bao nhiêu", "ket-nap-dang-vien"),
    ("kết nạp 2000 đảng viên mới thì huyện Bảo Lạc được giao bao nhiêu", "ket-nap-dang-vien"),
    ("2000 dang vien moi thi moi dang bo huyen ket nap bn", "ket-nap-dang-vien"),
    # "mỗi" typed with its tone splits no "đảng viên mới"
    ("kết nạp 2.000 đảng viên thì chia mỗi huyện bao nhiêu", "ket-nap-dang-vien"),
    ("2.600 hộ đưa gia súc ra khỏi gầm sàn thì mỗi xã bao nhiêu hộ", "gam-san"),
    ("600 triệu USD xuất khẩu thì mỗi cửa khẩu bao nhiêu", "kim-ngach-xuat-khau"),
    ("1.650 triệu USD hàng giám sát thì mỗi quý bao nhiêu", "hang-hoa-giam-sat"),
    ("che phủ rừng 55% tương ứng bao nhiêu ha rừng", "che-phu-rung"),
    ("giảm tỷ lệ hộ nghèo 3% thì mỗi xã giảm bao nhiêu", "ho-ngheo"),
    ("tỷ lệ BHYT 98,5% thì mỗi huyện phải đạt bao nhiêu người", "bhyt"),
    ("15 bác sỹ/vạn dân thì trong đó mỗi huyện mấy bác sỹ", "bac-sy-van-dan"),
]


@pytest.mark.parametrize(("question", "item"), SHARE_OF_A_QUOTED_FIGURE)
def test_a_share_of_a_quoted_figure_is_not_stated(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith("Nghị quyết không nêu")
    assert answer.lines[0] == shared_library.describe(item).headline


# "ngoài X (ra) còn Y": what is asked besides X, never X itself.
BESIDES = [
    ("ngoài cao tốc ra còn dự án nào phải khởi công", "du-an-bo-sua"),
    ("ngoai cao toc con du an nao khac", "du-an-bo-sua"),
    (
        "Ngoài 4 đề án chiến lược phát triển kinh tế, nghe nói còn có một đề án về tuyên "
        "truyền giáo dục truyền thống. Anh cho tôi biết tên đầy đủ của đề án đó",
        "de-an-tuyen-truyen",
    ),
    ("ngoài che phủ rừng thì còn chỉ tiêu môi trường nào", "moi-truong"),
    ("ngoài xuất khẩu còn nhập khẩu bao nhiêu", "kim-ngach-nhap-khau"),
    ("ngoài dự án bò sữa ra còn dự án nào phải khởi công năm 2020", "cao-toc-dong-dang-tra-linh"),
]


@pytest.mark.parametrize(("question", "item"), BESIDES)
def test_what_is_asked_besides_a_named_item_is_another(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# A figure the asker quotes, then another figure of the same target asked: that one.
@pytest.mark.parametrize(
    ("question", "item"),
    [
        (
            "tổng thu ngân sách phải trên 1.800 tỷ, trong đó thu nội địa là bao nhiêu",
            "thu-noi-dia",
        ),
        ("tổng thu ngân sách trên 1.800 tỷ, nhưng thu nội địa trong đó bao nhiêu", "thu-noi-dia"),
        ("kim ngạch xnk 2.370 triệu usd thì xuất khẩu bao nhiêu", "kim-ngach-xuat-khau"),
        ("GRDP tăng 7,5% thì dịch vụ tăng bao nhiêu", "grdp-dich-vu"),
        ("xuất khẩu 600 triệu USD thì nhập khẩu bao nhiêu", "kim-ngach-nhap-khau"),
        # "còn" joins what is asked to what is known
        ("gia đình văn hóa 85% còn làng văn hóa bao nhiêu", "lang-xom-van-hoa"),
        ("thu nội địa 1.600 tỷ còn thu XNK bao nhiêu", "thu-xuat-nhap-khau"),
        (
            "tỷ lệ gia đình văn hóa tám mươi lăm phần trăm còn làng xóm đạt chuẩn văn hóa "
            "bao nhiêu",
            "lang-xom-van-hoa",
        ),
        ("cứ 10 nghìn dân thì có mấy bác sĩ", "bac-sy-van-dan"),  # no figure quoted
    ],
)
def test_after_a_quoted_figure_the_figure_asked_is_answered(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("kết nạp 2.000 đảng viên đúng không", "ket-nap-dang-vien"),  # a premise
        ("2.600 hộ là chỉ tiêu gì", "gam-san"),  # a reverse look-up
    ],
)
def test_a_quoted_figure_without_a_share_asked_is_answered(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# Long messages: greetings, who asks and why, then the question, then thanks.
LONG_MESSAGES = [
    # a place named in the story clause is no place asked
    (
        "huyện tôi có cửa khẩu Tà Lùng, kim ngạch xuất khẩu tỉnh giao bao nhiêu",
        "kim-ngach-xuat-khau",
    ),
    ("Sở Tài chính đang làm hồ sơ, nghị quyết nói gì về thu nội địa?", "thu-noi-dia"),
    # what the story says before the opener is not asked ("sơ kết quý I")
    (
        "em ở văn phòng huyện ủy, đang soạn báo cáo sơ kết quý I nên cần đối chiếu, cho em "
        "hỏi tỷ lệ che phủ rừng là bao nhiêu",
        "che-phu-rung",
    ),
    # the question after an opener, not a story clause naming another item
    (
        "Tôi ở ban tuyên giáo, đang chuẩn bị tuyên truyền về công trình chào mừng đại hội, xin "
        "hỏi đại hội Đảng bộ tỉnh tới là lần thứ mấy",
        "dai-hoi-dang-bo-xix",
    ),
    (
        "anh ở phòng kinh tế, đang theo dõi dự án trọng điểm, cho anh hỏi khi nào khởi công "
        "cao tốc Đồng Đăng Trà Lĩnh",
        "cao-toc-dong-dang-tra-linh",
    ),
    (
        "Kính gửi ban quản trị, tôi là chuyên viên phòng kinh tế huyện, đang làm báo cáo "
        "6 tháng. Xin hỏi chỉ tiêu thu nội địa năm 2020 là bao nhiêu? Trân trọng cảm ơn.",
        "thu-noi-dia",
    ),
    (
        "chào ad, em ở phòng nông nghiệp, sếp giao tổng hợp số liệu, cho em hỏi tỷ lệ che "
        "phủ rừng năm nay bn ạ",
        "che-phu-rung",
    ),
    (
        "Tôi là bí thư chi bộ thôn, chuẩn bị họp chi bộ tháng này. Nghị quyết đặt chỉ tiêu "
        "kết nạp bao nhiêu đảng viên mới?",
        "ket-nap-dang-vien",
    ),
    (
        "em mới chuyển về ban tuyên giáo, đang viết bài, cho em hỏi hội nghị lần 20 họp ngày nào",
        "ngay-hoi-nghi",
    ),
    (
        "Thưa đồng chí, cơ quan tôi đang rà soát thi đua. Tỷ lệ cơ quan đạt chuẩn văn hóa "
        "theo nghị quyết là bao nhiêu?",
        "co-quan-van-hoa",
    ),
    (
        "Kính thưa, tôi công tác ở Trung tâm Y tế huyện, cần số liệu cho báo cáo. Xin cho "
        "biết tỷ lệ trạm y tế xã có bác sỹ năm 2020.",
        "tram-y-te-bac-sy",
    ),
    (
        "a ơi, bên em là hội nông dân huyện, đang lên kế hoạch năm, nghị quyết giao bao "
        "nhiêu xã đạt chuẩn nông thôn mới ạ?",
        "nong-thon-moi",
    ),
    (
        "Tôi làm ở Sở Công Thương, đang chuẩn bị hội nghị xúc tiến thương mại. Kim ngạch "
        "xuất khẩu đăng ký tại địa bàn năm 2020 là bao nhiêu?",
        "kim-ngach-xuat-khau",
    ),
    (
        "Kính gửi, tôi là giáo viên, cũng là bí thư chi bộ trường. Xin hỏi nghị quyết đặt "
        "chỉ tiêu trường đạt chuẩn quốc gia là bao nhiêu?",
        "truong-chuan",
    ),
    (
        "Tôi ở phòng lao động huyện, đang làm kế hoạch đào tạo nghề. Cho tôi hỏi tỷ lệ lao "
        "động qua đào tạo năm 2020 là bao nhiêu?",
        # (the story, dropped, spoke of vocational training: the figure asked)
        "lao-dong-qua-dao-tao",
    ),
    # What someone else told the asker to look up is the topic, not the asker's framing.
    (
        "tôi đang làm báo cáo cho cơ quan, sếp dặn phải trích chỉ tiêu che phủ rừng của "
        "tỉnh năm 2020. nghị quyết ghi bao nhiêu vậy",
        "che-phu-rung",
    ),
]


LONG_MESSAGES += [
    # The topic in one clause, the question word in the next.
    (
        "Cơ quan em đang rà soát thi đua cuối năm, muốn đối chiếu với chỉ tiêu của tỉnh về "
        "tỷ lệ cơ quan đạt chuẩn văn hóa, cho em hỏi là bao nhiêu %",
        "co-quan-van-hoa",
    ),
    # The resolution as cadres call it ("nghị quyết 20") is no other numbered document.
    (
        "Em đang soạn báo cáo của sở, cho em xin chỉ tiêu tăng trưởng khu vực dịch vụ năm "
        "2020 theo nghị quyết 20 ạ",
        "grdp-dich-vu",
    ),
]


@pytest.mark.parametrize(("question", "item"), LONG_MESSAGES)
def test_a_long_message_is_answered_from_its_question(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.item_id == item
    assert answer.question == question


def test_a_vague_question_part_does_not_answer_a_long_message(shared_library: Library) -> None:
    # "Xin cho biết con số cụ thể" alone looks like "cụ thể hoá"; the message is about
    # something else, so that reading is not taken.
    answer = shared_library.answer(
        "Kính thưa, tôi công tác ở phòng y tế, cần trích dẫn chỉ tiêu về giá lúa năm "
        "2020 trong báo cáo. Xin cho biết con số cụ thể."
    )
    assert answer.item_id != "iii-cu-the-hoa"


# Things the resolution only names (reports, other resolutions, congresses): their content,
# and their time unless the wording has a date, are not stated.
MENTIONED_ONLY = [
    ("báo cáo tổng kết công tác năm 2019 nói gì", "bc-tong-ket-2019", "nội dung"),
    ("nội dung báo cáo kiểm điểm của BCH năm 2019", "bc-kiem-diem-bch", "nội dung"),
    (
        "chương trình kiểm tra giám sát 2020 gồm những gì",
        "chuong-trinh-kiem-tra-giam-sat-2020",
        "nội dung",
    ),
    (
        "nghị quyết về chiến lược bảo vệ an ninh quốc gia nói về gì",
        "nq-an-ninh-quoc-gia",
        "nội dung",
    ),
    (
        "chương trình công tác năm 2020 của tỉnh ủy có những gì",
        "chuong-trinh-cong-tac-2020",
        "nội dung",
    ),
    ("báo cáo của ủy ban kiểm tra tỉnh ủy viết gì", "bc-ubkt", "nội dung"),
    ("đại hội đảng bộ tỉnh lần thứ XIX tổ chức khi nào", "dai-hoi-dang-bo-xix", "thời gian"),
    ("dai hoi XIX hop ngay nao", "dai-hoi-dang-bo-xix", "thời gian"),
    ("nghị quyết đại hội XIX đề ra những chỉ tiêu nào", "dai-hoi-dang-bo-xix", "chỉ tiêu"),
    ("nghị quyết đại hội XIX có mấy chỉ tiêu", "dai-hoi-dang-bo-xix", "chỉ tiêu"),
    ("nq dai hoi XIX chi tieu den 2025 la gi", "dai-hoi-dang-bo-xix", "chỉ tiêu"),
    ("đề án du lịch đặt chỉ tiêu gì", "de-an-du-lich", "chỉ tiêu"),
    ("đề án du lịch có bao nhiêu chỉ tiêu", "de-an-du-lich", "chỉ tiêu"),
    # a part of a message saying what is not stated about the item the message is about
    (
        "đề án khu kinh tế cửa khẩu giai đoạn nào, tầm nhìn đến năm bao nhiêu",
        "de-an-khu-kinh-te-cua-khau",
        "thời gian",
    ),
    ("bao cao tong ket nam 2019 noi gi", "bc-tong-ket-2019", "nội dung"),
    # the documents the resolution is based on
    (
        "quy chế làm việc của BCH Đảng bộ tỉnh khoá XVIII có những nội dung gì",
        "can-cu",
        "nội dung",
    ),
    (
        "đề án nông nghiệp thông minh có những nội dung gì",
        "de-an-nong-nghiep-thong-minh",
        "nội dung",
    ),
]


@pytest.mark.parametrize(("question", "item", "asked"), MENTIONED_ONLY)
def test_what_the_resolution_only_names_is_not_made_up(
    shared_library: Library, question: str, item: str, asked: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith("Nghị quyết chỉ nhắc đến")
    assert f"không nêu {asked}" in answer.headline
    assert answer.lines[0] == shared_library.describe(item).headline


def test_a_date_the_wording_gives_is_stated(shared_library: Library) -> None:
    answer = shared_library.answer("lễ kỷ niệm 90 năm thành lập chi bộ đầu tiên vào ngày nào")
    assert answer.item_id == "ky-niem-90-nam-chi-bo"
    assert "01/4/1930" in render_text(answer)


# A number qualifies its own noun: "hội nghị lần thứ 19" is neither "khoá XVIII" nor
# "Đại hội XIX"; Roman and Arabic numbers meet when they qualify the same noun.
ORDINALS = [
    ("hội nghị lần thứ 19 của tỉnh ủy nói gì", None),
    ("nghị quyết hội nghị lần thứ 18 họp ngày nào", None),
    ("hội nghị lần thứ 21 do ai ký", None),
    ("đại hội XX nhiệm kỳ nào", None),
    ("ban chấp hành khoá XIX", None),
    ("ban chấp hành khoá 18 nhiệm kỳ nào", "nhiem-ky"),
    ("khoá XVIII nhiệm kỳ nào", "nhiem-ky"),
    ("hội nghị lần thứ hai mươi họp ngày nào", "ngay-hoi-nghi"),
    (
        "hội nghị lần thứ hai mươi ban chấp hành khóa mười tám họp ngày nào",
        "ngay-hoi-nghi",
    ),
    ("Đại hội đại biểu Đảng bộ tỉnh lần thứ 19 nhiệm kỳ nào", "dai-hoi-dang-bo-xix"),
    (
        "nghị quyết hội nghị lần thứ hai mươi ban chấp hành khóa mười tám họp ngày nào",
        "ngay-hoi-nghi",
    ),
    # a task named by its rank among the tasks of section II.2
    ("nhiệm vụ thứ 3 là gì", "nv-van-hoa-xa-hoi"),
    ("nhiem vu thu 3 la gi", "nv-van-hoa-xa-hoi"),
    ("nhiệm vụ đầu tiên là gì", "nv-dai-hoi-dang"),
    ("nhiệm vụ chủ yếu thứ hai là gì", "nv-kinh-te"),
    ("theo NQ, nhiệm vụ đầu tiên trong các nhiệm vụ chủ yếu năm 2020 là gì?", "nv-dai-hoi-dang"),
]


# Things the resolution speaks of only together: asked which they are, not stated.
UNNAMED = [
    "các công trình chào mừng đại hội đảng bộ tỉnh lần thứ XIX gồm những công trình nào",
    "dự án phát triển đô thị nào được ưu tiên đẩy nhanh",
    "kể tên các dự án phát triển đô thị trong nghị quyết",
    "cac cong trinh chao mung dai hoi cu the la cong trinh nao",
]


@pytest.mark.parametrize("question", UNNAMED)
def test_what_the_resolution_names_only_together_is_not_named(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", "du-an-trong-diem")
    assert answer.headline.startswith("Nghị quyết không nêu tên cụ thể")


def test_whether_it_speaks_of_them_is_answered(shared_library: Library) -> None:
    answer = shared_library.answer("có dự án phát triển đô thị nào trong nghị quyết không")
    assert (answer.status, answer.item_id) == ("answer", "du-an-trong-diem")


def test_the_projects_named_come_first_in_their_list(shared_library: Library) -> None:
    listed = shared_library.answer("nghị quyết có những dự án nào")
    assert listed.lines[0].startswith("• Dự án đường bộ cao tốc")
    assert listed.lines[1].startswith("• Dự án chăn nuôi bò sữa")
    second = shared_library.answer("dự án thứ 2 là gì", listed)
    assert second.item_id == "du-an-bo-sua"


NAMED_BY_RANK = [
    ("du an thu 2 la gi", "du-an-bo-sua"),
    ("dự án thứ nhất là dự án nào", "cao-toc-dong-dang-tra-linh"),
    ("đề án đầu tiên là đề án gì", "de-an-ket-noi-giao-thong"),
    ("đề án thứ tư là gì", "de-an-du-lich"),
    ("đề án đầu tiên là gì", "de-an-ket-noi-giao-thong"),
    ("dự án thứ 2 khởi công khi nào", "du-an-bo-sua"),
]


@pytest.mark.parametrize(("question", "item"), NAMED_BY_RANK)
def test_a_project_or_scheme_named_by_its_rank(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


def test_a_rank_beyond_the_named_things_is_not_made_up(shared_library: Library) -> None:
    assert shared_library.answer("dự án thứ 9 là gì").status == "none"


@pytest.mark.parametrize(("question", "item"), ORDINALS)
def test_a_number_belongs_to_its_noun(
    shared_library: Library, question: str, item: str | None
) -> None:
    answer = shared_library.answer(question)
    if item is None:
        assert answer.status == "none"
    else:
        assert answer.item_id == item


# A year the resolution itself names (a term, a scheme's horizon) is no out-of-scope year;
# a year it names only elsewhere is still refused for a figure of 2020.
YEARS = [
    ("đề án nào có tầm nhìn đến năm 2035", "de-an-du-lich"),
    ("nông nghiệp thông minh tầm nhìn 2030", "de-an-nong-nghiep-thong-minh"),
    ("đại hội nhiệm kỳ 2020 - 2025 là đại hội lần thứ mấy", "dai-hoi-dang-bo-xix"),
    ("nhiệm kỳ 2015-2020 là khoá mấy", "nhiem-ky"),
    ("ky niem 90 nam thanh lap chi bo 1930", "ky-niem-90-nam-chi-bo"),
    ("đến năm 2025 che phủ rừng bao nhiêu", None),
    ("tỷ lệ hộ nghèo năm 2019", None),
    ("chỉ tiêu năm 2021 che phủ rừng", None),
    ("thu ngân sách 2030 bao nhiêu", None),
    ("kim ngạch xuất khẩu năm 2035", None),
]


@pytest.mark.parametrize(("question", "item"), YEARS)
def test_a_year_the_resolution_names_is_in_scope(
    shared_library: Library, question: str, item: str | None
) -> None:
    answer = shared_library.answer(question)
    if item is None:
        assert answer.status == "none"
        assert "không có số liệu năm" in answer.headline
    else:
        assert answer.item_id == item


# Yes/no: the verdict first, then what the resolution states.
YES_NO = [
    # the figure claimed for another unit than the one it is set for
    (
        "mỗi xã phải tăng thêm 1 trường chuẩn quốc gia hả",
        "truong-chuan",
        "Đúng con số, nhưng Nghị quyết đặt cho mỗi huyện, thành phố, không phải cho mỗi xã.",
    ),
    # (a unit among those it is set for is right)
    ("có phải mỗi thành phố phải có thêm 1 trường chuẩn quốc gia không", "truong-chuan", "Đúng."),
    # "ko bn": "không bạn", the bot addressed after the question
    ("có chỉ tiêu che phủ rừng ko bn", "che-phu-rung", "Có."),
    ("thu nội địa 2.000 tỷ đúng chứ", "thu-noi-dia", "Không đúng."),
    # "đúng hay sai" asks whether, it offers no options
    ("che phủ rừng 55% đúng hay sai", "che-phu-rung", "Đúng."),
    (
        "sản lượng lương thực hai trăm bảy mươi sáu nghìn tấn đúng hay sai",
        "san-luong-luong-thuc",
        "Đúng.",
    ),
    ("thu nội địa 1.800 tỷ đúng hay không", "thu-noi-dia", "Không đúng."),
    # a claim closed by "a"/"ha" typed bare in a message typed so throughout
    ("NQ nay la cua BCH khoa XIX a", "hoi-nghi", "Không đúng."),
    # the resolution's date, its count of targets or task groups, a group's count
    ("nghị quyết ban hành tháng 1 năm 2020 đúng ko", "ngay-hoi-nghi", "Đúng."),
    ("nghị quyết ký tháng 2 năm 2020 phải không", "ngay-hoi-nghi", "Không đúng."),
    ("nghị quyết thông qua tháng 12 năm 2019 à", "ngay-hoi-nghi", "Không đúng."),
    ("hội nghị họp tháng 1/2020 đúng không", "ngay-hoi-nghi", "Đúng."),
    ("nghị quyết ban hành năm 2019 à", "ngay-hoi-nghi", "Không đúng."),
    ("nghị quyết ký ngày 15/1/2020 đúng không", "ngay-hoi-nghi", "Không đúng."),
    ("hội nghị họp ngày 10/1/2020 à", "ngay-hoi-nghi", "Đúng."),
    ("nghị quyết ban hành ngày 20 tháng 1 năm 2020 phải không", "ngay-hoi-nghi", "Không đúng."),
    ("có 18 chỉ tiêu phải không", "dem-chi-tieu", "Đúng."),
    ("nghị quyết có 20 chỉ tiêu đúng không", "dem-chi-tieu", "Không đúng."),
    ("nghị quyết có 5 nhóm nhiệm vụ đúng không", "dem-nhiem-vu", "Đúng."),
    ("có 18 chỉ tiêu về kinh tế phải không", "kinh-te", "Không đúng."),
    ("có 6 chỉ tiêu kinh tế phải không", "kinh-te", "Đúng."),
    # the premise's figure is the claim: the item is named by the words
    ("lđ qua đào tạo nghề 45% đúng ko ad", "dao-tao-nghe", "Không đúng."),
    ("lao động qua đào tạo nghề 33% phải không", "dao-tao-nghe", "Đúng."),
    ("hoi nghi lan 20 la khoa XVIII ha", "hoi-nghi", "Đúng."),
    ("thu noi dia 2000 ty a", "thu-noi-dia", "Không đúng."),
    ("thu noi dia 1600 ty dung ko", "thu-noi-dia", "Đúng."),
    ("che phủ rừng 55% phải không", "che-phu-rung", "Đúng."),
    ("che phủ rừng 60% phải không", "che-phu-rung", "Không đúng."),
    ("kim ngạch xuất khẩu 600 triệu USD đúng không", "kim-ngach-xuat-khau", "Đúng."),
    ("kim ngạch xuất khẩu 700 triệu USD có đúng không", "kim-ngach-xuat-khau", "Không đúng."),
    ("tỷ lệ hộ nghèo giảm 3% đúng không", "ho-ngheo", "Đúng."),
    ("có chỉ tiêu về nước sạch không", "nuoc-sach", "Có."),
    ("có chỉ tiêu về che phủ rừng không", "che-phu-rung", "Có."),
    (
        "nghị quyết có nhắc đến cao tốc Đồng Đăng Trà Lĩnh không",
        "cao-toc-dong-dang-tra-linh",
        "Có.",
    ),
    # a statement closed by "à"/"hả" puts a premise to check
    ("thu nội địa 2.000 tỷ à", "thu-noi-dia", "Không đúng."),
    ("che phủ rừng 55% hả", "che-phu-rung", "Đúng."),
    ("kim ngạch nhập khẩu 120 triệu USD à?", "kim-ngach-nhap-khau", "Đúng."),
    ("ket nap 2000 dv moi dung k", "ket-nap-dang-vien", "Đúng."),  # a count, no year
    # "có nói … không", "có nhắc … không": whether the resolution says it
    ("nq có nói sắp xếp đơn vị hành chính không", "sap-xep-don-vi-hanh-chinh", "Có."),
    ("nghị quyết có nhắc chuyện cải cách hành chính không", "cai-cach-hanh-chinh", "Có."),
]


@pytest.mark.parametrize(("question", "item", "verdict"), YES_NO)
def test_yes_no_questions_get_the_verdict_first(
    shared_library: Library, question: str, item: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)
    assert answer.headline.startswith(verdict)
    assert answer.lines[0] == shared_library.describe(item).headline


@pytest.mark.parametrize(
    "question",
    [
        "tỷ lệ hộ nghèo năm 2020 là 3% phải không",
        "tỷ suất sinh 0,089 phần nghìn đúng không",
        "ty le ho ngheo 3% dung ko",
    ],
)
def test_a_reduction_claimed_as_a_level_is_told_so(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert answer.headline.startswith("Đúng con số, nhưng đó là mức giảm (giảm ")


def test_a_reduction_claimed_as_one_is_right(shared_library: Library) -> None:
    for question in ("giảm tỷ lệ hộ nghèo 3% đúng không", "ty le ho ngheo giam 3% dung ko"):
        assert shared_library.answer(question).headline == "Đúng. Nghị quyết đề ra:"


def test_a_question_closed_by_ha_that_asks_something_is_a_plain_question(
    shared_library: Library,
) -> None:
    answer = shared_library.answer("tổng thu ngân sách bao nhiêu hả")
    assert (answer.item_id, answer.headline[:6]) == ("thu-ngan-sach-tong", "Tổng t")


def test_a_yes_no_question_about_nothing_covered_is_still_refused(
    shared_library: Library,
) -> None:
    assert shared_library.answer("có chỉ tiêu về giá lúa không").status == "none"


# Several items in one question: each stated as the resolution writes it, nothing computed.
SEVERAL = [
    # the story says what it is about, the question only asks whether it is mentioned
    (
        "anh ơi em viết bài về công tác dân vận và Mặt trận, NQ có nhắc gì không ạ",
        ["dan-van", "mat-tran-to-quoc"],
    ),
    (
        "Tôi là cán bộ Ban Dân vận, đang chuẩn bị tài liệu sinh hoạt chi bộ tháng này, đề nghị "
        "bot cho biết nghị quyết đề cập gì về công tác dân vận và hoạt động của Mặt trận.",
        ["dan-van", "mat-tran-to-quoc"],
    ),
    ("tỷ lệ BHYT hơn tỷ lệ lao động qua đào tạo bao nhiêu", ["bhyt", "lao-dong-qua-dao-tao"]),
    ("che phủ rừng và nước sạch nông thôn", ["che-phu-rung", "nuoc-hop-ve-sinh-nong-thon"]),
    ("tỷ lệ hộ nghèo và tỷ lệ BHYT", ["ho-ngheo", "bhyt"]),
    ("trường chuẩn quốc gia với xã nông thôn mới", ["truong-chuan", "nong-thon-moi"]),
    ("kim ngạch xuất khẩu và nhập khẩu", ["xuat-nhap-khau"]),
    ("xuất khẩu so với nhập khẩu", ["xuat-nhap-khau"]),
    ("nông lâm ngư, công nghiệp xây dựng, dịch vụ tăng bao nhiêu", ["grdp"]),
    ("thu nội địa và thu xuất nhập khẩu mỗi loại bao nhiêu", ["thu-ngan-sach"]),
    ("lao động qua đào tạo và đào tạo nghề", ["lao-dong"]),
    ("ty le ho ngheo va ty le bhyt", ["ho-ngheo", "bhyt"]),
]


@pytest.mark.parametrize(("question", "items"), SEVERAL)
def test_several_items_are_each_stated(
    shared_library: Library, question: str, items: list[str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert [m.id for m in answer.matches] == items
    assert answer.question == question


# Comparisons: every item compared is stated (first, even when the whole question matches
# one of them), and the reply says nothing was computed; superlatives list the group.
COMPARISONS = [
    (
        "thu nội địa gấp mấy lần thu xuất nhập khẩu",
        ["thu-noi-dia", "thu-xuat-nhap-khau", "thu-ngan-sach"],
    ),
    ("kim ngạch xuất khẩu vs nhập khẩu cái nào lớn hơn", ["xuat-nhap-khau"]),
    (
        "trạm y tế có bác sỹ và trường chuẩn cái nào nhiều hơn",
        ["tram-y-te-bac-sy", "truong-chuan"],
    ),
    (
        "tăng trưởng công nghiệp, xây dựng gấp mấy lần nông, lâm, ngư nghiệp",
        ["grdp-cong-nghiep-xay-dung", "grdp-nong-lam-ngu", "grdp"],
    ),
    ("BHYT với che phủ rừng chênh nhau bao nhiêu", ["bhyt", "che-phu-rung"]),
    ("ty le ho ngheo giam va ty le bhyt khac nhau the nao", ["ho-ngheo", "bhyt"]),
    ("chỉ tiêu nào cao nhất trong nhóm môi trường", ["moi-truong"]),
    # the measure compared names no topic
    ("trong nhóm chỉ tiêu môi trường, cái nào có tỷ lệ thấp nhất", ["moi-truong"]),
    ("chỉ tiêu nào thấp nhất trong nhóm văn hóa xã hội", ["van-hoa-xa-hoi"]),
    ("khu vực kinh tế nào tăng trưởng thấp nhất", ["grdp"]),
    ("khu vực nào tăng trưởng cao nhất", ["grdp"]),  # never "trường chuẩn" for "trưởng"
    # a part naming only what differs is read after the part before it
    ("nước sạch thành thị với nông thôn khác nhau thế nào", ["nuoc-sach"]),
    ("chỉ tiêu nước cho thành thị và nông thôn khác nhau thế nào", ["nuoc-sach"]),
    ("nuoc sach thanh thi va nong thon khac nhau the nao", ["nuoc-sach"]),
    ("ngành nào tăng chậm nhất", ["grdp"]),
    ("nganh nao tang nhanh nhat", ["grdp"]),
    ("tỷ lệ cơ quan văn hóa so với tỷ lệ gia đình văn hóa cái nào cao hơn", ["van-hoa"]),
]


@pytest.mark.parametrize(("question", "items"), COMPARISONS)
def test_a_comparison_states_each_figure(
    shared_library: Library, question: str, items: list[str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert [m.id for m in answer.matches] == items
    assert "Nghị quyết không" in answer.note  # no comparison or ranking is stated by it


# A difference, a ratio or the highest asked is computed from the resolution's figures, on
# a line that says so; the figures themselves are stated as the resolution writes them.
COMPUTED = [
    (
        "tỷ lệ BHYT hơn tỷ lệ lao động qua đào tạo bao nhiêu",
        "cao hơn tỷ lệ lao động qua đào tạo 53,5 điểm phần trăm",
    ),
    ("BHYT với che phủ rừng chênh nhau bao nhiêu", "43,5 điểm phần trăm"),
    ("xuất khẩu và nhập khẩu chênh nhau bao nhiêu", "480 triệu USD"),
    ("thu nội địa chiếm bao nhiêu phần tổng thu ngân sách", "bằng khoảng 88,9% tổng thu"),
    ("thu nội địa gấp mấy lần thu xuất nhập khẩu", "gấp khoảng 8 lần"),
    (
        "công nghiệp xây dựng tăng nhanh hơn dịch vụ bao nhiêu",
        "cao hơn tăng trưởng khu vực dịch vụ (GRDP) 7,5 điểm phần trăm",
    ),
    ("chỉ tiêu nào cao nhất trong nhóm môi trường", "cao nhất là Tỷ lệ dân cư thành thị"),
    ("khu vực kinh tế nào tăng trưởng thấp nhất", "thấp nhất là Tăng trưởng thuế sản phẩm"),
    ("khu vực nào tăng trưởng cao nhất", "cao nhất là Tăng trưởng khu vực công nghiệp"),
    ("nganh nao tang thap nhat", "thấp nhất là Tăng trưởng thuế sản phẩm"),
    ("dich vu voi nong nghiep tang hon kem nhau bao nhieu", "3,2 điểm phần trăm"),
    ("dịch vụ với nông lâm ngư nghiệp tăng hơn kém nhau mấy điểm %", "3,2 điểm phần trăm"),
    ("hang giam sat chiem bao nhieu phan tram trong tong xnk", "khoảng 69,6%"),
    ("tăng trưởng công nghiệp, xây dựng gấp mấy lần nông, lâm, ngư nghiệp", "gấp khoảng 4,45 lần"),
]


@pytest.mark.parametrize(("question", "says"), COMPUTED)
def test_a_result_asked_is_computed_and_labelled(
    shared_library: Library, question: str, says: str
) -> None:
    answer = shared_library.answer(question)
    computed = [line for line in answer.lines if says in line]
    assert len(computed) == 1
    assert computed[0].startswith("Tính từ các con số của Nghị quyết")
    assert "phép tính là do bot thực hiện" in answer.note


# "cti" (and "ctieu", "c.tiêu") is chat for "chỉ tiêu", never "ct I" (Part I).
CHAT_TARGET_WORD = [
    ("sl lương thực có hạt cti bn tấn", "san-luong-luong-thuc"),
    ("thu NS tren dia ban cti bn ty", "thu-ngan-sach"),
    ("bs/vạn dân cti bn", "bac-sy-van-dan"),
    ("dao tao nghe cti j", "dao-tao-nghe"),
    ("cti che phu rung bn", "che-phu-rung"),
    ("ctieu nuoc sach nong thon bn", "nuoc-hop-ve-sinh-nong-thon"),
    ("cti ho ngheo giam bn", "ho-ngheo"),
    ("c.tiêu BHYT bao nhiêu", "bhyt"),
    ("cti truong chuan qg bn truong", "truong-chuan"),
    ("kim ngach xk cti bn", "kim-ngach-xuat-khau"),
    ("NQ co cti thu hut FDI ko", "von-dau-tu"),  # the honest no, with the nearest
]


@pytest.mark.parametrize(("question", "item"), CHAT_TARGET_WORD)
def test_cti_is_chat_for_chi_tieu(shared_library: Library, question: str, item: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


# A figure asked of a topic the resolution sets none for, that the knowledge names a nearest
# item for: no figure is claimed (none), and the reply tells the nearest item.
NO_FIGURE_FOR_TOPIC = [
    ("vốn đầu tư nước ngoài bao nhiêu", "von-dau-tu"),
    ("von dau tu nuoc ngoai bao nhieu", "von-dau-tu"),
    ("von FDI dat bao nhieu", "von-dau-tu"),
    ("tỷ lệ thất nghiệp bao nhiêu", "lao-dong"),
    ("giải quyết việc làm cho bao nhiêu lao động", "lao-dong"),
    ("thu nhập người dân nông thôn bao nhiêu", "grdp-binh-quan"),
    ("dien tich trong rung moi bao nhieu ha", "che-phu-rung"),
    ("tỷ lệ thu gom rác thải bao nhiêu", "tai-nguyen-moi-truong"),
    ("so giuong benh tren van dan bn", "bac-sy-van-dan"),
    ("số vụ tai nạn giao thông giảm bao nhiêu", "quoc-phong-an-ninh"),
]


@pytest.mark.parametrize(("question", "item"), NO_FIGURE_FOR_TOPIC)
def test_a_figure_of_a_topic_with_no_target_is_not_claimed(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert answer.matches[0].id == item
    assert answer.headline.startswith("Nghị quyết không đặt chỉ tiêu (con số) về nội dung này")


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("tổng vốn đầu tư tăng bao nhiêu", "von-dau-tu"),
        ("nho bot tra giup: chi tieu che phu rung trong NQ hoi nghi 20 la bn", "che-phu-rung"),
        ("tỷ lệ che phủ rừng trong nghị quyết năm 2020 là bao nhiêu", "che-phu-rung"),
    ],
)
def test_the_nearest_items_own_figure_is_still_answered(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# Two figures of one target compared: the reply is the target's, but what is compared leads
# its items, the share asked ("chiếm bao nhiêu") first, whichever order the question names.
COMPARED_IN_ONE_TARGET = [
    (
        "xuất khẩu và nhập khẩu chênh nhau bao nhiêu",
        ["kim-ngach-xuat-khau", "kim-ngach-nhap-khau"],
    ),
    ("thu nội địa chiếm bao nhiêu phần tổng thu ngân sách", ["thu-noi-dia", "thu-ngan-sach-tong"]),
    (
        "thu nội địa gấp mấy lần thu xuất nhập khẩu",
        ["thu-noi-dia", "thu-xuat-nhap-khau"],
    ),
    (
        "hang giam sat chiem bao nhieu phan tram trong tong xnk",
        ["hang-hoa-giam-sat", "kim-ngach-xnk"],
    ),
    (
        "tổng kim ngạch xnk thì hàng giám sát chiếm bao nhiêu",
        ["hang-hoa-giam-sat", "kim-ngach-xnk"],
    ),
    ("dich vu voi nong nghiep tang hon kem nhau bao nhieu", ["grdp-dich-vu", "grdp-nong-lam-ngu"]),
    (
        "tỷ lệ gia đình văn hoá và làng xóm văn hoá chênh nhau bao nhiêu",
        ["gia-dinh-van-hoa", "lang-xom-van-hoa"],
    ),
    (
        "nước sạch thành thị với nước hợp vệ sinh nông thôn chênh bao nhiêu",
        ["nuoc-sach-thanh-thi", "nuoc-hop-ve-sinh-nong-thon"],
    ),
    (
        "trong số lao động được đào tạo thì qua học nghề chiếm bao nhiêu",
        ["dao-tao-nghe", "lao-dong-qua-dao-tao"],
    ),
    (
        "trạm y tế có bác sĩ và xã chuẩn y tế chênh nhau bao nhiêu",
        ["tram-y-te-bac-sy", "xa-chuan-y-te"],
    ),
]


@pytest.mark.parametrize(("question", "items"), COMPARED_IN_ONE_TARGET)
def test_figures_compared_lead_their_targets_reply(
    shared_library: Library, question: str, items: list[str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert [m.id for m in answer.matches][:2] == items
    # (the target's every figure is still stated, then the computed line)
    assert any(line.startswith("Tính từ các con số") for line in answer.lines)


def test_a_share_is_the_smaller_figures_whichever_is_named_first(
    shared_library: Library,
) -> None:
    answer = shared_library.answer(
        "trong số lao động được đào tạo thì qua học nghề chiếm bao nhiêu"
    )
    assert any(
        "nghề bằng khoảng 73,3% tỷ lệ lao động qua đào tạo" in line for line in answer.lines
    )


# A sum adds the parts of a total the resolution gives ("…, trong đó: …"): those named, or
# every part, checked against the total, when the total is named or asked about.
SUMS = [
    ("xuất khẩu + nhập khẩu bao nhiêu", "120 + 600 = 720 triệu USD."),
    ("xuất khẩu với nhập khẩu cộng lại bao nhiêu", "120 + 600 = 720 triệu USD."),
    ("nk + xk + giam sat co bang tong 2370 ko", "120 + 600 + 1.650 = 2.370 triệu USD, đúng bằng"),
    ("tong kn 2370 = xk + nk + hang giam sat cong lai co khop ko", "= 2.370 triệu USD, đúng"),
    ("nhap khau + xuat khau + hang giam sat cong lai co dung bang tong 2.370 ko", "1.650 ="),
    ("tổng kim ngạch có bằng xuất khẩu cộng nhập khẩu không", "120 + 600 + 1.650"),
    ("thu nội địa cộng thu xnk có bằng tổng thu ngân sách không", "1.600 + 200 = 1.800 tỷ"),
    ("thu nội địa + thu xnk", "đúng bằng tổng thu ngân sách trên địa bàn (trên 1.800 tỷ đồng)"),
    ("hàng giám sát + xuất khẩu", "600 + 1.650 = 2.250 triệu USD."),
    ("kim ngạch xuất khẩu cộng với hàng hóa giám sát là bao nhiêu", "= 2.250 triệu USD."),
    # "nk" beside the words of trade is "nhập khẩu" (alone it may be "nhiệm kỳ")
    ("XK + NK đăng ký + hàng giám sát cộng lại có ra 2.370 ko", "= 2.370 triệu USD, đúng"),
    ("XK với NK cộng lại là bao nhiêu", "120 + 600 = 720 triệu USD."),
    ("thu nội địa và thu xuất nhập khẩu cộng lại có bằng tổng thu không", "= 1.800 tỷ đồng, đúng"),
    # the total quoted as a figure: of the choices, the target whose figures carry it
    ("xk + nk + giám sát cộng lại có ra 2370 không", "= 2.370 triệu USD, đúng"),
    ("thu nội địa với thu xnk cộng lại có bằng 1.800 tỷ ko", "= 1.800 tỷ đồng, đúng"),
]


@pytest.mark.parametrize(("question", "says"), SUMS)
def test_a_sum_of_a_totals_parts_is_computed_and_checked(
    shared_library: Library, question: str, says: str
) -> None:
    answer = shared_library.answer(question)
    computed = [line for line in answer.lines if line.startswith("Tính từ")]
    assert answer.status == "answer"
    assert len(computed) == 1
    assert says in computed[0]
    assert "phép tính là do bot thực hiện" in answer.note


def test_nk_alone_is_not_read_as_imports(shared_library: Library) -> None:
    assert shared_library.answer("NK bao nhiêu").status == "none"
    answer = shared_library.answer("NK 2015-2020 kết nạp bao nhiêu đảng viên")
    assert answer.matches[0].id == "ket-nap-dang-vien"


def test_a_superlative_alone_names_nothing(shared_library: Library) -> None:
    # ("cái nào cao nhất" is no question of its own: never part I's "nhất trí")
    answer = shared_library.answer("trong các tỷ lệ về văn hóa, cái nào cao nhất")
    assert answer.item_id != "phan-i"


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        ("trong các tỷ lệ về văn hóa, cái nào cao nhất", "cao nhất"),
        ("trong mấy tỷ lệ đạt chuẩn văn hóa thì cái nào cao nhất", "cao nhất"),
        ("trong những tỷ lệ về văn hoá, tỷ lệ nào thấp nhất", "thấp nhất"),
        ("trong cac ti le ve van hoa cai nao thap nhat", "thấp nhất"),
    ],
)
def test_a_superlative_among_a_targets_rates_is_computed(
    shared_library: Library, question: str, highest: str
) -> None:
    # Asked in the plural, the rates of one target: the target, each rate, and the highest
    # (or lowest) computed and labelled so.
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", "van-hoa")
    computed = [line for line in answer.lines if line.startswith("Tính từ")]
    assert len(computed) == 1
    assert f"con số {highest}" in computed[0]


def test_a_plural_of_a_targets_rates_is_the_target(shared_library: Library) -> None:
    assert shared_library.answer("các tỷ lệ về văn hóa").item_id == "van-hoa"


def test_rates_are_never_added(shared_library: Library) -> None:
    for question in (
        "nông lâm ngư + công nghiệp xây dựng + dịch vụ cộng lại",
        "tỷ lệ lao động qua đào tạo cộng đào tạo nghề",
        "che phủ rừng + BHYT",
    ):
        answer = shared_library.answer(question)
        assert not any(line.startswith("Tính từ") for line in answer.lines), question


@pytest.mark.parametrize(
    "question",
    [
        "Lễ kỷ niệm 90 năm Ngày thành lập Chi bộ Đảng Cộng sản đầu tiên tỉnh Cao Bằng",
        "chi bo dang cong san dau tien thanh lap nam nao",
    ],
)
def test_a_compound_a_join_begins_is_no_join(shared_library: Library, question: str) -> None:
    # ("Cộng sản" is no "cộng": nothing is added, the question is not cut)
    qa = shared_library.answerer()
    assert not qa.comparisons.compares(question)
    assert qa.comparisons.several(question) is None
    assert shared_library.answer(question).item_id == "ky-niem-90-nam-chi-bo"


def test_nothing_is_computed_when_nothing_is_asked(shared_library: Library) -> None:
    for question in ("che phủ rừng và BHYT mỗi cái bao nhiêu", "ty le ho ngheo giam va bhyt"):
        answer = shared_library.answer(question)
        assert not any(line.startswith("Tính từ") for line in answer.lines)


def test_a_decimal_comma_does_not_split_a_question(shared_library: Library) -> None:
    assert shared_library.answer("13,8% là chỉ tiêu gì").item_id == "grdp-cong-nghiep-xay-dung"


def test_one_unsure_candidate_is_no_choice(shared_library: Library) -> None:
    qa = shared_library.answerer()
    analysis = qa.index.analyzer.analyze("rừng")
    only = [s for s in qa.index.rank(analysis) if s.entry.id == "che-phu-rung"][:1]
    unsure = [dataclasses.replace(only[0], score=58.0, coverage=0.5)]
    answer = qa._decide("rừng gì", unsure, analysis)
    assert answer.status == "none"
    assert answer.matches == ()
    assert "Tỷ lệ che phủ rừng" in answer.headline  # what is closest, as advice


def test_choices_always_offer_two_or_more(shared_library: Library) -> None:
    for question in ["tỷ lệ", "chỉ tiêu văn hoá", "đảng viên", "nông thôn", "thu"]:
        answer = shared_library.answer(question)
        if answer.status == "choices":
            assert len(answer.matches) >= 2, question


# No repeated content: a paraphrase that is the source's own list or sentence is shown once.
SHOWN_ONCE = [
    ("phan-i", "list"),
    ("nv-kinh-te", "list"),
    ("dan-van", "quote"),
    ("doi-ngoai", "quote"),
    ("de-an-du-lich", "quote"),
    ("de-an-tuyen-truyen", "quote"),
    ("bc-tong-ket-2019", "quote"),
    ("chuong-trinh-cong-tac-2020", "quote"),
    ("nq-an-ninh-quoc-gia", "quote"),
    ("de-an-ket-noi-giao-thong", "quote"),
]


@pytest.mark.parametrize(("item", "dropped"), SHOWN_ONCE)
def test_the_same_content_is_shown_once(shared_library: Library, item: str, dropped: str) -> None:
    answer = shared_library.describe(item)
    entry = shared_library.entry(item)
    if dropped == "list":
        assert answer.lines == ()
        assert answer.source == entry.source  # the list, once, in the resolution's words
    else:
        assert answer.source == ""
        assert answer.headline == entry.title
    shown = [line for line in render_text(answer).splitlines() if line.strip()]
    assert len(shown) == len(set(shown))


@pytest.mark.parametrize("item", ["y-te", "van-hoa", "xuat-nhap-khau", "grdp", "luong-thuc"])
def test_figures_keep_their_lines_and_their_source(shared_library: Library, item: str) -> None:
    # Each figure on its own labelled line is the answer; the sentence is the source.
    answer = shared_library.describe(item)
    assert len(answer.lines) >= 2
    assert answer.source == shared_library.entry(item).source


def test_another_year_is_refused_with_what_the_resolution_sets_for_its_own(
    shared_library: Library,
) -> None:
    answer = shared_library.answer("năm 2019 GRDP của tỉnh tăng được bao nhiêu")
    assert answer.status == "none"  # nothing is claimed for 2019
    assert answer.headline.startswith("Nghị quyết chỉ đề ra chỉ tiêu, nhiệm vụ cho năm 2020;")
    assert "không có số liệu năm 2019" in answer.headline
    assert answer.headline.endswith("Nghị quyết đề ra cho năm 2020:")
    assert answer.lines[0].endswith("năm 2020: tăng 7,5%")
    # Nothing sure to add: the refusal alone.
    assert shared_library.answer("giá lúa năm 2021").lines == ()


# Counting after the noun, and the tasks of one group.
@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("chi tieu xay dung dang co may cai", "dem-chi-tieu-xay-dung-dang"),
        ("nhiệm vụ về kinh tế có mấy cái", "nv-kinh-te"),
        ("có bao nhiêu nhiệm vụ về xây dựng Đảng", "nv-xay-dung-dang"),
        ("các nhiệm vụ về quốc phòng an ninh gồm những gì", "nv-quoc-phong-an-ninh"),
    ],
)
def test_counts_read_the_noun_before_and_the_group_of_tasks(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


def test_a_refusal_about_the_whole_message_is_not_undone_by_its_parts(
    shared_library: Library,
) -> None:
    answer = shared_library.answer(
        "Đề án đổi mới công tác tuyên truyền, giáo dục truyền thống được ban hành khi nào, "
        "số hiệu là gì?"
    )
    assert (answer.status, answer.matches[0].id) == ("none", "de-an-tuyen-truyen")


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("nghi quyet co may phan lon, tom tat giup e", "dem-phan"),
        ("có mấy nhóm nhiệm vụ chủ yếu năm 2020, tóm tắt", "dem-nhiem-vu"),
        ("nghị quyết có những phần chính nào", "dem-phan"),
        ("các chỉ tiêu về môi trường", "moi-truong"),
    ],
)
def test_words_beside_a_count_or_list_name_no_topic(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


def test_parts_of_a_target_are_no_parts_of_the_resolution(shared_library: Library) -> None:
    answer = shared_library.answer("kim ngạch xuất nhập khẩu chia thành những phần nào")
    assert answer.item_id not in {"dem-phan", "kim-ngach-xnk"}


# Choices discipline: never one option, at most four, each close to the best; a target whose
# figures are several is answered whole rather than offered figure by figure.
CHOICES = [
    "tỷ lệ",
    "nông thôn",
    "báo cáo",
    "giảm",
    "đạt chuẩn",
    "chương trình",
    "khu vực",
    "tăng trưởng",
    "kiểm tra",
    "hộ",
    "grdp kv dv tang bn z",
    "thu",
]


@pytest.mark.parametrize("question", CHOICES)
def test_choices_are_two_to_four_close_options(shared_library: Library, question: str) -> None:
    from bot.answering.rules import CHOICES_WINDOW, MAX_CHOICES, MIN_CHOICES

    answer = shared_library.answer(question)
    if answer.status != "choices":
        return
    scores = [m.score for m in answer.matches]
    assert MIN_CHOICES <= len(scores) <= MAX_CHOICES
    assert max(scores) - min(scores) <= CHOICES_WINDOW
    assert len({m.id for m in answer.matches}) == len(scores)


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("các khu vực kinh tế tăng trưởng bao nhiêu", "grdp"),
        ("chỉ tiêu y tế", "y-te"),
        ("chỉ tiêu văn hoá", "van-hoa"),
        ("chỉ tiêu xuất nhập khẩu", "xuat-nhap-khau"),
        ("nước sạch", "nuoc-sach"),
    ],
)
def test_a_target_of_several_figures_is_answered_whole(
    shared_library: Library, question: str, target: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.item_id == target
    assert len(answer.lines) >= 2  # every figure, not a partial list


def test_a_list_of_projects_with_words_of_its_own_lists_them_all(shared_library: Library) -> None:
    answer = shared_library.answer("những dự án nào được yêu cầu khởi công trong năm 2020")
    assert answer.item_id == "dem-du-an"
    # ... unless the words name one of them.
    assert shared_library.answer("các dự án trọng điểm của tỉnh").item_id == "du-an-trong-diem"


@pytest.mark.parametrize(
    ("question", "items"),
    [
        ("có những chỉ tiêu nào về giáo dục, đào tạo?", {"lao-dong", "truong-chuan"}),
        (
            "Liệt kê các chỉ tiêu về giáo dục, đào tạo trong nghị quyết.",
            {"lao-dong", "truong-chuan"},
        ),
    ],
)
def test_targets_of_a_topic_across_groups_are_listed(
    shared_library: Library, question: str, items: set[str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert {m.id for m in answer.matches} == items
    assert len(answer.lines) == len(items)


def test_targets_of_an_unknown_topic_are_not_listed(shared_library: Library) -> None:
    assert shared_library.answer("các chỉ tiêu về giá lúa").status == "none"


def test_an_unknown_topic_in_a_long_message_is_still_no_answer(shared_library: Library) -> None:
    # Words the index does not know weigh less in a long message (mostly the story around
    # the question), never so little that an unknown topic gets an answer.
    story = (
        "Sáng nay chi bộ sinh hoạt, đồng chí phó bí thư có nhắc giá lúa của tỉnh mà em ghi "
        "không kịp. Cho em hỏi là bao nhiêu ạ?"
    )
    assert shared_library.answer(story).status == "none"
    story = (
        "Hôm qua họp cơ quan, trưởng phòng có nói về tuổi nghỉ hưu của cán bộ năm nay, em "
        "nghe không rõ. Cho em hỏi nghị quyết quy định thế nào ạ?"
    )
    assert shared_library.answer(story).status == "none"


def test_a_story_of_several_sentences_is_not_read_as_several_items(
    shared_library: Library,
) -> None:
    # "họp" in the story is no question about the conference's date.
    answer = shared_library.answer(
        "hôm qua họp xã, bí thư bảo năm nay tỉnh đặt mục tiêu tăng trưởng cao lắm. vậy nghị "
        "quyết hội nghị 20 đặt GRDP tăng bao nhiêu % ạ?"
    )
    assert "ngay-hoi-nghi" not in [m.id for m in answer.matches]


def test_the_last_sentence_of_a_story_is_its_question(shared_library: Library) -> None:
    answer = shared_library.answer(
        "Sáng nay văn phòng vào sổ công văn đến số 51, chuyên viên bảo là nghị quyết hội nghị "
        "20 của tỉnh ủy. Ai ký nghị quyết này vậy?"
    )
    assert answer.item_id == "nguoi-ky"


def test_a_figure_asked_after_its_noun_is_no_count(shared_library: Library) -> None:
    # "… có mấy cái" counts; "… là bao nhiêu" asks the figure.
    question = "đảng bộ xã tôi lên kế hoạch, chỉ tiêu kết nạp đảng viên toàn tỉnh là bao nhiêu"
    assert shared_library.answer(question).item_id == "ket-nap-dang-vien"


def test_an_amount_in_the_story_is_not_asked_of_the_item(shared_library: Library) -> None:
    # "có mấy hộ theo đạo" tells about the commune; the question is what the resolution says.
    answer = shared_library.answer(
        "Xã tôi toàn đồng bào dân tộc, lại có mấy hộ theo đạo. Nghị quyết nói gì về chính "
        "sách dân tộc, tôn giáo?"
    )
    assert not answer.headline.startswith("Nghị quyết không nêu")


def test_a_last_sentence_pointing_back_is_not_the_whole_question(shared_library: Library) -> None:
    answer = shared_library.answer(
        "Tôi nghe phong thanh năm 2020 tỉnh sẽ sắp xếp lại đơn vị hành chính, nhiều xóm bị "
        "nhập. Nghị quyết hội nghị 20 có đề cập chuyện này không?"
    )
    assert answer.item_id != "hoi-nghi"


# "có chỉ tiêu về X không" where no target is about X: a plain no, never a made-up yes (status
# none: nothing near X is named); with what the resolution does name about X when that is a
# scheme or a task, the no is the answer (status answer, no figure claimed).
# No target about it: the no, with the nearest thing the resolution says about the topic
# (Document.nearest) or, with nothing near, the list of the targets it does set.
NO_SUCH_TARGET = [
    ("nghị quyết có chỉ tiêu về tỷ lệ thất nghiệp không", "lao-dong"),
    # the nearest the knowledge names wins over a thing sharing a word ("tạo" of "đào tạo")
    ("co chi tieu ve tao them viec lam khong", "lao-dong"),
    ("NQ có đặt chỉ tiêu về thu gom rác thải ko", "tai-nguyen-moi-truong"),
    ("có mục tiêu về giảm tai nạn giao thông không", "quoc-phong-an-ninh"),
    ("có giao chỉ tiêu về điện lưới không", "dem-chi-tieu"),
    ("có chỉ tiêu về tỷ lệ đô thị hoá không", "du-an-trong-diem"),
    ("có chỉ tiêu về số doanh nghiệp thành lập mới không", "cai-cach-hanh-chinh"),
    ("có chỉ tiêu về số vụ cháy rừng không", "dem-chi-tieu"),
    ("có chỉ tiêu về tỷ lệ tiêm chủng không", "y-te"),
    ("có chỉ tiêu về tỷ lệ tiêm chủng mở rộng không", "y-te"),
    ("co chi tieu thu hut FDI khong", "von-dau-tu"),
    ("có chỉ tiêu về tỷ lệ tham gia BHXH không", "bhyt"),
    ("co chi tieu ve ty le ho can ngheo ko", "ho-ngheo"),
    ("có chỉ tiêu về số giường bệnh trên vạn dân không", "bac-sy-van-dan"),
    ("có chỉ tiêu về số vụ tai nạn lao động không", "dem-chi-tieu"),
    ("có chỉ tiêu tỷ lệ hộ dùng điện lưới quốc gia trong NQ ko", "dem-chi-tieu"),
    ("Trong NQ có chỉ tiêu tỷ lệ đô thị hóa ko", "du-an-trong-diem"),
    ("có mục tiêu về số ca mắc sốt xuất huyết không", "dem-chi-tieu"),
    # a topic word none of the targets sharing the other words has
    ("có chỉ tiêu về tỷ lệ hộ dùng điện không", "dem-chi-tieu"),
    ("có chỉ tiêu về trồng rừng không", "che-phu-rung"),
    # the longest topic named ("bảo hiểm thất nghiệp" is no "thất nghiệp")
    ("co chi tieu ve bao hiem that nghiep ko", "bhyt"),
    # what is asked is not stated of the item found: the no, with that item
    ("NQ có đặt chỉ tiêu xếp hạng PCI không", "cai-cach-hanh-chinh"),
]


@pytest.mark.parametrize(("question", "said"), NO_SUCH_TARGET)
def test_no_target_about_it_is_a_no_with_the_nearest_or_the_list(
    shared_library: Library, question: str, said: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", said)
    assert answer.headline.startswith("Không. Nghị quyết không đặt chỉ tiêu")


@pytest.mark.parametrize(
    "question", ["có chỉ tiêu về giá lúa không", "có chỉ tiêu về lương cơ sở không"]
)
def test_no_target_about_a_topic_never_covered_is_a_plain_no(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert answer.headline.startswith("Không. Nghị quyết không đặt chỉ tiêu")


# Whether it names a project or a scheme: yes with it, or no with those it names.
NAMED_OR_NOT = [
    ("có dự án cao tốc không", "cao-toc-dong-dang-tra-linh", "Có."),
    ("có đề án nào về nông nghiệp không", "de-an-nong-nghiep-thong-minh", "Có."),
    ("nghị quyết có nhắc dự án sân bay Cao Bằng không", "du-an-trong-diem", "Không."),
    ("co de an chuyen doi so khong", "cai-cach-hanh-chinh", "Không."),
]


@pytest.mark.parametrize(("question", "item", "verdict"), NAMED_OR_NOT)
def test_whether_a_project_or_scheme_is_named(
    shared_library: Library, question: str, item: str | None, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.headline.startswith(verdict)
    if item is not None:
        assert answer.item_id == item


@pytest.mark.parametrize(
    "question",
    [
        "co chi tieu ve so khach du lich khong",
        "nghị quyết có mục tiêu về số lượt khách du lịch không",
        "có đề ra chỉ tiêu doanh thu du lịch không",
        "có chỉ tiêu về số khách quốc tế đến du lịch không",
    ],
)
def test_no_target_but_a_scheme_says_no_and_names_the_scheme(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", "de-an-du-lich")
    assert answer.headline.startswith("Không. Nghị quyết không đặt chỉ tiêu (con số)")
    assert "de-an-du-lich" in [m.id for m in answer.matches]
    assert any("du lịch" in line for line in answer.lines)


# A noun counted after "bao nhiêu" is the word the vocabulary spells, tone included: "còn"
# is not "con" (animals), "Hà" (Quảng) is not "ha" (hectares).
@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("tỷ lệ hộ nghèo giảm bao nhiêu còn huyện Bảo Lạc", "ho-ngheo"),
        ("che phủ rừng bao nhiêu Hà Quảng", "che-phu-rung"),
        ("kết nạp đảng viên bao nhiêu còn huyện Hòa An", "ket-nap-dang-vien"),
    ],
)
def test_a_counted_noun_is_told_by_its_tone(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.matches[0].id == item
    assert PROVINCE_NOTE in render_text(answer)
    assert "không nêu số" not in answer.headline


def test_a_count_in_a_bare_counted_noun_is_still_read(shared_library: Library) -> None:
    answer = shared_library.answer("bao nhiêu con gia súc được đưa ra khỏi gầm sàn")
    assert answer.headline.startswith("Nghị quyết không nêu số con")


# Asked for several things ("những", "các"), a list is answered as the list, not one of its
# items; one named item is still answered alone.
@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("Hội nghị 20 đã thông qua những báo cáo, văn bản gì?", "phan-i"),
        ("hội nghị đã thông qua những văn bản gì", "phan-i"),
        ("những báo cáo nào được hội nghị thông qua", "phan-i"),
        ("các báo cáo được thông qua tại hội nghị", "phan-i"),
        ("hội nghị thông qua báo cáo tổng kết năm 2019 phải không", "bc-tong-ket-2019"),
    ],
)
def test_a_plural_question_gets_the_whole_list(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).item_id == item


# When a scheme or project runs: its wording's years, or plainly not stated when it has none.
@pytest.mark.parametrize(
    ("question", "item", "stated"),
    [
        (
            "Đề án tổng thể phát triển khu kinh tế cửa khẩu là giai đoạn nào?",
            "de-an-khu-kinh-te-cua-khau",
            False,
        ),
        ("đề án khu kinh tế cửa khẩu thực hiện khi nào", "de-an-khu-kinh-te-cua-khau", False),
        ("đề án du lịch giai đoạn nào", "de-an-du-lich", True),
        ("cao tốc Đồng Đăng Trà Lĩnh khởi công khi nào", "cao-toc-dong-dang-tra-linh", True),
        ("dự án bò sữa khởi công khi nào", "du-an-bo-sua", True),
    ],
)
def test_a_schemes_time_is_its_wordings_or_not_stated(
    shared_library: Library, question: str, item: str, stated: bool
) -> None:
    answer = shared_library.answer(question)
    assert answer.matches[0].id == item
    assert (answer.status == "answer") is stated
    if not stated:
        assert "không nêu thời gian" in answer.headline


# A district's figure asked as what it must reach, or as what it "được giao": the province's,
# with the note. (Its own figure asked, "riêng huyện …", is not stated: OWN_FIGURE.)
NAMED_DISTRICT = [
    (
        "huyện Trùng Khánh phải kết nạp bao nhiêu đảng viên",
        "ket-nap-dang-vien",
        "Trùng Khánh",
    ),
    ("huyen Bao Lac nam 2020 can tang bao nhieu xa NTM", "nong-thon-moi", "Bảo Lạc"),
    ("huyện Hà Quảng cần đưa bao nhiêu hộ gia súc ra khỏi gầm sàn", "gam-san", "Hà Quảng"),
    ("huyen Nguyen Binh phai dat ty le che phu rung bao nhieu", "che-phu-rung", "Nguyên Bình"),
    ("Huyện Thạch An cần đạt tỷ lệ lao động qua đào tạo bao nhiêu", "lao-dong", "Thạch An"),
    ("huyện Hạ Lang phải giảm tỷ lệ hộ nghèo bao nhiêu", "ho-ngheo", "Hạ Lang"),
    (
        "tp Cao Bằng phải đạt tỷ lệ dân đô thị dùng nước sạch bao nhiêu",
        "nuoc-sach-thanh-thi",
        "Cao Bằng",
    ),
    ("huyện Bảo Lâm tỷ lệ tham gia bảo hiểm y tế phải đạt bao nhiêu", "bhyt", "Bảo Lâm"),
    ("huyện Hòa An tỷ lệ xã đạt chuẩn quốc gia về y tế bao nhiêu", "xa-chuan-y-te", "Hòa An"),
    ("huyện Quảng Hòa tỷ lệ gia đình văn hóa phải đạt bao nhiêu", "gia-dinh-van-hoa", "Quảng Hòa"),
    # "huyện" goes with the name: it leaves no unexplained word behind
    ("huyện Trùng Khánh tăng trưởng phải đạt bao nhiêu %", "grdp", "Trùng Khánh"),
    ("huyện Bảo Lạc tăng trưởng kinh tế phải đạt bao nhiêu %", "grdp-tang-truong", "Bảo Lạc"),
    ("huyện Trùng Khánh được giao che phủ rừng bao nhiêu %", "che-phu-rung", "Trùng Khánh"),
    ("huyen Bao Lac duoc giao bao nhieu xa NTM", "nong-thon-moi", "Bảo Lạc"),
    ("huyện Hà Quảng được giao thu ngân sách bao nhiêu", "thu-ngan-sach", "Hà Quảng"),
    (
        "thành phố Cao Bằng dc giao kết nạp bao nhiêu đảng viên",
        "ket-nap-dang-vien",
        "Cao Bằng",
    ),
]


@pytest.mark.parametrize(("question", "item", "district"), NAMED_DISTRICT)
def test_a_named_district_gets_the_province_figure_with_a_note(
    shared_library: Library, question: str, item: str, district: str
) -> None:
    # As for the asker's own place: the province's figure answers, and the note says the
    # resolution sets none for the district.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)
    assert answer.note.startswith(PROVINCE_NOTE)
    assert fold(district) in fold(answer.note)


NO_TARGET_NEAREST = [
    ("có chỉ tiêu về du lịch không", "answer", "de-an-du-lich"),
    # torn between items sharing a word, the nearest the knowledge names for the topic
    ("có chỉ tiêu thu nhập của người dân nông thôn không", "answer", "grdp-binh-quan"),
    ("nghị quyết có chỉ tiêu nào về du lịch không", "answer", "de-an-du-lich"),
    ("nghị quyết có đặt chỉ tiêu số lượt khách du lịch không", "answer", "de-an-du-lich"),
    ("có chỉ tiêu số lượt khách du lịch đến Cao Bằng ko", "answer", "de-an-du-lich"),
    ("có chỉ tiêu về nông nghiệp thông minh không", "answer", "de-an-nong-nghiep-thong-minh"),
    ("NQ có đặt mục tiêu về khu kinh tế cửa khẩu không", "answer", "de-an-khu-kinh-te-cua-khau"),
    ("có chỉ tiêu về kết nối giao thông không", "answer", "de-an-ket-noi-giao-thong"),
    ("có chỉ tiêu về dân vận không ạ", "answer", "dan-van"),
    ("có mục tiêu về cải cách hành chính không", "answer", "cai-cach-hanh-chinh"),
    ("có chỉ tiêu về tuyên truyền giáo dục truyền thống không", "answer", "de-an-tuyen-truyen"),
]

# "có nhiệm vụ về X không" asks whether, as "có chỉ tiêu về X không" does.
TASK_ASKED_WHETHER = [
    ("có nhiệm vụ về đối ngoại không", "doi-ngoai"),
    ("có nhiệm vụ về du lịch không", "de-an-du-lich"),
    ("nghị quyết có giao nhiệm vụ về cải cách hành chính không", "cai-cach-hanh-chinh"),
]


@pytest.mark.parametrize(("question", "item"), TASK_ASKED_WHETHER)
def test_whether_a_task_is_set_is_answered_yes(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)
    assert answer.headline == "Có. Nghị quyết nêu:"


@pytest.mark.parametrize(("question", "status", "item"), NO_TARGET_NEAREST)
def test_no_target_but_the_nearest_thing_said(
    shared_library: Library, question: str, status: str, item: str
) -> None:
    # No numeric target about it: an honest no, with the scheme or task the resolution does
    # have, the nearest to what was asked (no figure is claimed).
    answer = shared_library.answer(question)
    assert answer.headline.startswith("Không. Nghị quyết không đặt chỉ tiêu (con số)")
    assert (answer.status, answer.matches[0].id) == (status, item)


WHOLE_TARGET = [
    ("Khu vực nông nghiệp trong GRDP tăng mấy phần trăm?", "grdp"),
    ("grdp kv dv tang bn z", "grdp-dich-vu"),  # ("dv" beside growth: one figure)
    ("ad oi kim ngac xuat nhap khau nam nay bn", "xuat-nhap-khau"),
    ("lao động qua đào tạo và đào tạo nghề năm 2020", "lao-dong"),
    ("cơ cấu tăng trưởng GRDP theo từng khu vực ntn", "grdp"),
    ("thu ngân sách các khoản năm 2020 bao nhiêu", "thu-ngan-sach"),
    ("thue san pham tang truog bao nhieu", "grdp-thue-san-pham"),
    ("GRDP bình quân đầu người bao nhiêu tiền", "grdp-binh-quan"),
    ("keets naapj ddangr vieen mowis nawm 2020 bao nhieu nguoi", "ket-nap-dang-vien"),
    ("kết nạp bao nhiêu người vào Đảng năm 2020", "ket-nap-dang-vien"),
]


@pytest.mark.parametrize(("question", "item"), WHOLE_TARGET)
def test_torn_between_figures_of_one_target_answers_the_target(
    shared_library: Library, question: str, item: str
) -> None:
    # Every figure of one target with its label, unless one figure alone explains it.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


MORE_THAN_HOW_MUCH = [
    ("gia tri hang hoa giam sat hon kim ngach xuat khau dang ky bao nhieu", "1.050 triệu USD"),
    ("tỷ lệ BHYT hơn tỷ lệ lao động qua đào tạo bao nhiêu", "53,5 điểm phần trăm"),
    ("che phu rung hon ty le lang xom van hoa bao nhieu", "bằng nhau"),
]


@pytest.mark.parametrize(("question", "result"), MORE_THAN_HOW_MUCH)
def test_a_hon_b_bao_nhieu_is_computed(
    shared_library: Library, question: str, result: str
) -> None:
    text = render_text(shared_library.answer(question))
    assert result in text
    assert "phép tính là do bot thực hiện" in text


UNCOVERED_TOPICS = [
    "Lương cơ sở năm 2020 là bao nhiêu vậy ad",
    "luong co so nam 2020 bn",
    "mức lương tối thiểu vùng năm 2020",
    "năm 2020 có tăng lương cho cán bộ không",
    "tuổi nghỉ hưu của nữ là bao nhiêu",
    "cho xin số điện thoại văn phòng tỉnh ủy",
    "hộ cận nghèo được hỗ trợ gì",
    "học phí năm học 2020 thế nào",
    "giá lúa năm 2020 bao nhiêu",
    "phụ cấp cán bộ xã năm 2020",
]


@pytest.mark.parametrize("question", UNCOVERED_TOPICS)
def test_a_topic_no_such_resolution_covers_is_refused(
    shared_library: Library, question: str
) -> None:
    # Whatever items share its words ("cơ sở đảng", "lương thực"), nothing is offered.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())


CONTRADICTED_NOT_OFFERED = [
    "Tỷ lệ hộ cận nghèo năm 2020 phải giảm bao nhiêu?",
    "ty le ho can ngheo giam bn",
    "hội nghị lần thứ 21 họp ngày nào",
    "nghị quyết hội nghị lần thứ 18 do ai ký",
    "Đại hội XX của Đảng bộ tỉnh họp khi nào",
    "khoá XVII có bao nhiêu ủy viên",
    "nghị quyết số 57 nói gì",
    "hộ cận nghèo năm 2020 còn bao nhiêu",
    "hội nghị lần thứ 19 thông qua những gì",
    "chương trình công tác năm 2021 của Tỉnh ủy",
]


@pytest.mark.parametrize("question", CONTRADICTED_NOT_OFFERED)
def test_what_the_question_contradicts_is_never_offered(
    shared_library: Library, question: str
) -> None:
    # "hộ cận nghèo" is not "hộ nghèo", "lần thứ 21" not "lần thứ 20": another thing, and
    # no padding with whatever ranks next.
    answer = shared_library.answer(question)
    assert answer.status != "answer"
    assert answer.status == "none" or len(answer.matches) >= 2
    assert "ho-ngheo" not in [m.id for m in answer.matches if answer.status == "choices"]


OVERVIEW_WORDING = [
    ("nghị quyết đề ra mấy nhóm nhiệm vụ chủ yếu, kể ra", "dem-nhiem-vu"),
    ("NQ này bố cục gồm mấy phần lớn", "dem-phan"),
    ("Các nhiệm vụ chủ yếu năm 2020 là gì, nói gọn thôi", "dem-nhiem-vu"),
    ("Nhóm chỉ tiêu môi trường có những gì?", "moi-truong"),
    ("nhóm chỉ tiêu xây dựng Đảng gồm những gì", "xay-dung-dang"),
    ("nhom chi tieu kinh te co nhung gi", "kinh-te"),
    ("nghị quyết đặt ra mấy chỉ tiêu chủ yếu", "dem-chi-tieu"),
    ("nghị quyết nêu ra mấy đề án", "dem-de-an"),
    ("bố cục nghị quyết gồm những phần nào", "dem-phan"),
    ("kể ngắn gọn các dự án phải khởi công", "dem-du-an"),
]


@pytest.mark.parametrize(("question", "item"), OVERVIEW_WORDING)
def test_how_a_list_is_asked_names_no_topic(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


PREMISE_OF_A_SIBLING = [
    ("kim ngạch nhập khẩu đăng ký tại địa bàn là 600 triệu USD đúng k", "kim-ngach-nhap-khau"),
    ("kim ngạch xuất khẩu 120 triệu USD phải không", "kim-ngach-xuat-khau"),
    ("thu nội địa 200 tỷ đúng không", "thu-noi-dia"),
    ("thu từ xuất nhập khẩu 1.600 tỷ phải không", "thu-xuat-nhap-khau"),
    ("khu vực dịch vụ tăng 13,8% đúng không", "grdp-dich-vu"),
    ("công nghiệp xây dựng tăng 6,3% phải ko", "grdp-cong-nghiep-xay-dung"),
    ("lao động qua đào tạo 50% đúng không", "lao-dong-qua-dao-tao"),
    ("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ 90% đúng không", "dang-vien-htt"),
    ("hàng hóa giám sát 600 triệu USD đúng không", "hang-hoa-giam-sat"),
    ("nông lâm ngư nghiệp tăng 6,3% đúng không", "grdp-nong-lam-ngu"),
]


@pytest.mark.parametrize(("question", "item"), PREMISE_OF_A_SIBLING)
def test_a_premise_with_a_siblings_figure_is_checked_against_the_item_named(
    shared_library: Library, question: str, item: str
) -> None:
    # The number is the premise to check, not a pointer to the item that states it.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)
    assert answer.headline == "Không đúng. Nghị quyết đề ra:"


PLACES_BESIDE_YEARS = [
    ("huyện Hà Quảng năm 2020 phải có thêm bao nhiêu trường chuẩn quốc gia", "truong-chuan"),
    ("chỉ tiêu kết nạp đảng viên huyện Hà Quảng năm 2020 phải đạt bao nhiêu", "ket-nap-dang-vien"),
    ("huyện Hà Quảng năm 2020 phải có mấy xã về đích NTM", "nong-thon-moi"),
    ("Hà Quảng năm nay che phủ rừng bao nhiêu", "che-phu-rung"),
    ("huyen ha quang nam 2020 ty le ho ngheo giam bn", "ho-ngheo"),
]


@pytest.mark.parametrize(("question", "item"), PLACES_BESIDE_YEARS)
def test_a_district_before_a_year_is_no_other_province(
    shared_library: Library, question: str, item: str
) -> None:
    # "Hà Quảng năm 2020" folds to "ha quang nam": no "Quảng Nam".
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


@pytest.mark.parametrize(
    "question", ["Quảng Nam năm 2020 GRDP tăng bao nhiêu", "tỉnh Hà Nam che phủ rừng bao nhiêu"]
)
def test_another_province_is_still_out_of_scope(shared_library: Library, question: str) -> None:
    assert shared_library.answer(question).status == "none"


def test_a_demonstrative_names_no_topic(shared_library: Library) -> None:
    answer = shared_library.answer("hội nghị đó họp ngày nào")
    assert (answer.status, answer.matches[0].id) == ("answer", "ngay-hoi-nghi")


def test_who_holds_an_office_now_is_not_stated(shared_library: Library) -> None:
    answer = shared_library.answer("bi thu tinh uy cao bang hien nay la ai")
    assert answer.status == "none"
    assert answer.headline.startswith("Nghị quyết không nêu người giữ chức vụ hiện nay")


ASKER_CLAUSE_THAT_ASKS = [
    (
        "Tôi là phó chủ tịch UBND xã phụ trách văn hóa - xã hội, tôi cần chỉ tiêu của tỉnh về "
        "tỷ lệ gia đình văn hóa để đối chiếu.",
        "gia-dinh-van-hoa",
    ),
    ("em ở phòng nông nghiệp, em cần chỉ tiêu che phủ rừng năm 2020", "che-phu-rung"),
    ("mình ở huyện đoàn, mình muốn biết chỉ tiêu kết nạp đảng viên mới", "ket-nap-dang-vien"),
    ("tôi là kế toán xã, tôi cần con số thu nội địa năm 2020", "thu-noi-dia"),
    ("mình thấy ghi 200 tỷ, đó là khoản thu gì?", "thu-xuat-nhap-khau"),
]


@pytest.mark.parametrize(("question", "item"), ASKER_CLAUSE_THAT_ASKS)
def test_the_askers_clause_is_kept_when_it_asks(
    shared_library: Library, question: str, item: str
) -> None:
    # "tôi cần …", "mình muốn biết …", a clause with a figure: the question, not framing.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


UNSTATED_WHATEVER_THE_ITEM = [
    "bộ tiêu chí quốc gia về xã nông thôn mới nâng cao gồm những tiêu chí nào",
    "nghị quyết đại hội đảng bộ tỉnh lần thứ XIX đặt GRDP bình quân đầu người năm 2025 bao nhiêu",
    "tra cứu số thẻ BHYT của tôi ở đâu",
    "dự án nào dài bao nhiêu km",
    "đề án nào được cấp bao nhiêu kinh phí",
]


@pytest.mark.parametrize("question", UNSTATED_WHATEVER_THE_ITEM)
def test_what_no_item_could_tell_is_not_offered_as_choices(
    shared_library: Library, question: str
) -> None:
    # Unsure of the item, and asked what none of the candidates states: no choice would
    # tell it, so none is offered.
    assert shared_library.answer(question).status == "none"


COMPOSITION = [
    ("kim ngạch xuất nhập khẩu gồm những gì", "xuat-nhap-khau"),
    ("các khoản kim ngạch xuất nhập khẩu", "xuat-nhap-khau"),
    ("thu ngân sách trên địa bàn gồm những khoản nào", "thu-ngan-sach"),
    ("tăng trưởng GRDP gồm những khu vực nào", "grdp"),
    ("tỷ lệ lao động qua đào tạo gồm những gì", "lao-dong"),
]


@pytest.mark.parametrize(("question", "item"), COMPOSITION)
def test_what_a_target_is_made_of_is_the_whole_target(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


COUNTS_ARE_NO_YEARS = [
    ("cho tôi hỏi chỉ tiêu kết nạp 2000 đảng viên mới là của năm 2020 phải không", "Đúng."),
    ("kết nạp hai nghìn đảng viên đúng không", "Đúng."),
    ("kết nạp 1500 đảng viên phải không", "Không đúng."),
    ("2600 hộ đưa gia súc ra khỏi gầm sàn đúng không", "Đúng."),
    ("đưa 2000 hộ gia súc ra khỏi gầm sàn đúng không", "Không đúng."),
]


@pytest.mark.parametrize(("question", "verdict"), COUNTS_ARE_NO_YEARS)
def test_a_four_digit_count_is_no_year(
    shared_library: Library, question: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.headline.startswith(verdict)


def test_years_offered_as_alternatives_need_one_named(shared_library: Library) -> None:
    answer = shared_library.answer("đề án du lịch tầm nhìn đến năm 2035 hay 2030")
    assert (answer.status, answer.matches[0].id) == ("answer", "de-an-du-lich")
    # Neither named by any item: still another year.
    assert shared_library.answer("GRDP năm 2019 hay 2018 tăng bao nhiêu").status == "none"


NOT_STATED_OF_THE_CONFERENCE_AND_ITS_FOLLOW_UP = [
    ("VP Tỉnh ủy báo cáo BTV định kỳ mấy tháng 1 lần?", "iii-theo-doi", "tần suất"),
    (
        "Văn phòng Tỉnh ủy báo cáo BTV về việc thực hiện NQ mấy tháng 1 lần?",
        "iii-theo-doi",
        "tần suất",
    ),
    ("van phong tinh uy dinh ky bao lau bao cao BTV", "iii-theo-doi", "tần suất"),
    ("hội nghị lần thứ 20 có bao nhiêu đồng chí tham dự", "hoi-nghi", "số người tham dự"),
    ("Có bao nhiêu đồng chí tham dự hội nghị lần thứ 20?", "hoi-nghi", "số người tham dự"),
]


@pytest.mark.parametrize(
    ("question", "item", "attribute"), NOT_STATED_OF_THE_CONFERENCE_AND_ITS_FOLLOW_UP
)
def test_how_often_and_how_many_attended_are_not_stated(
    shared_library: Library, question: str, item: str, attribute: str
) -> None:
    # "1 lần" is how often, no figure the item lacks; the conference is what is asked about.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith(f"Nghị quyết không nêu {attribute}")


SMALL_PARTS_WHOLE = [
    "Cơ quan tôi là một sở thuộc UBND tỉnh, vậy nghị quyết giao sở phải làm gì để triển khai?",
    "phần tổ chức thực hiện của nghị quyết yêu cầu gì",
    "phần III tổ chức thực hiện nói gì",
]


@pytest.mark.parametrize("question", SMALL_PARTS_WHOLE)
def test_torn_within_a_small_part_answers_the_part(shared_library: Library, question: str) -> None:
    # Section III has two points: torn between them, both are stated.
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.matches[0].id in {"phan-iii", "iii-cu-the-hoa", "iii-theo-doi"}


RESULTS_NOT_STATED = [
    "Cuối năm 2020 tỉnh thực hiện NQ này đạt bao nhiêu chỉ tiêu, cái nào không đạt?",
    "năm 2020 cuối cùng tỉnh kết nạp được bao nhiêu đảng viên",
    "chỉ tiêu nào không đạt",
    "tỉnh hoàn thành bao nhiêu chỉ tiêu năm 2020",
]


@pytest.mark.parametrize("question", RESULTS_NOT_STATED)
def test_results_are_not_stated(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert "kết quả" in answer.headline or answer.headline.startswith("Nghị quyết không")


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("1.4 xd dang", "xay-dung-dang"),
        ("2.3 noi ve gi", "nv-van-hoa-xa-hoi"),
        ("2.2 nói gì", "nv-kinh-te"),
        ("1.3 gồm những chỉ tiêu nào", "moi-truong"),
    ],
)
def test_a_section_number_opening_the_question_is_its_code(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


MORE_SMALL_TALK = [
    "bn ơi có đó ko",
    "có ai ở đó không",
    "chào buổi sáng",
    "bạn làm được gì",
    "hướng dẫn tôi cách hỏi",
    "good morning",
    "ủa bot ơi",
    "bot có biết gì không",
    "tôi hỏi gì cũng được à",
    "chào buổi tối ad",
]


@pytest.mark.parametrize("question", MORE_SMALL_TALK)
def test_more_small_talk_gets_a_warm_reply(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert not answer.headline.startswith("Nghị quyết không có nội dung")


def test_cho_em_hoi_is_no_place_of_the_asker(shared_library: Library) -> None:
    # Bare "cho" may be "chỗ", but "cho em hỏi" asks; no note about the asker's place.
    answer = shared_library.answer("cho em hỏi chỉ tiêu che phủ rừng")
    assert (answer.status, answer.matches[0].id, answer.note) == ("answer", "che-phu-rung", "")


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ hộ nghèo cuối năm 2020 còn lại bao nhiêu phần trăm?",
        "tỷ lệ hộ nghèo cuối năm 2020 còn bao nhiêu %",
        "ty le ho ngheo con bn",
    ],
)
def test_the_level_left_after_a_reduction_is_not_stated(
    shared_library: Library, question: str
) -> None:
    # The resolution sets how much poverty falls, not the rate left.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", "ho-ngheo")
    assert "mức còn lại" in answer.headline


def test_the_level_a_target_sets_is_stated(shared_library: Library) -> None:
    # "… còn dưới 17,8%": the target is a level, so "còn bao nhiêu" is answered.
    answer = shared_library.answer("tỷ lệ suy dinh dưỡng còn bao nhiêu")
    assert (answer.status, answer.matches[0].id) == ("answer", "suy-dinh-duong")


@pytest.mark.parametrize(
    ("question", "item"),
    [
        (
            "Tôi đọc báo thấy ghi năm 2020 kết nạp 3.000 đảng viên mới, đúng ko?",
            "ket-nap-dang-vien",
        ),
        (
            "Kính gửi quý cơ quan. Phòng Nội vụ huyện chúng tôi đang xây dựng kế hoạch năm 2020, "
            "kính đề nghị cung cấp chỉ tiêu về tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên.",
            "dang-vien-htt",
        ),
        ("dao tao nghe bao nhieu phan tram", "dao-tao-nghe"),
    ],
)
def test_what_was_read_or_formally_requested_frames_the_question(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


OPTIONS_NOT_STATED = [
    (
        "Mỗi huyện tăng ít nhất 1 trường chuẩn quốc gia, vậy là trường mầm non, tiểu học "
        "hay THCS?",
        "truong-chuan",
    ),
    (
        "đề án nông nghiệp thông minh do sở nông nghiệp hay UBND tỉnh chủ trì",
        "de-an-nong-nghiep-thong-minh",
    ),
]


@pytest.mark.parametrize(("question", "item"), OPTIONS_NOT_STATED)
def test_options_the_resolution_does_not_name_are_not_stated(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith("Nghị quyết không nêu")


def test_an_option_the_item_names_is_answered(shared_library: Library) -> None:
    answer = shared_library.answer("che phủ rừng 55% hay 60%")
    assert (answer.status, answer.matches[0].id) == ("answer", "che-phu-rung")


def test_an_attribute_named_in_the_story_is_not_asked(shared_library: Library) -> None:
    # "đang làm hồ sơ" tells what the asker does; the question is the rate.
    answer = shared_library.answer(
        "Trạm y tế xã tôi đang làm hồ sơ đạt chuẩn quốc gia về y tế. Tỉnh giao tỷ lệ xã đạt "
        "chuẩn năm nay là bao nhiêu?"
    )
    assert (answer.status, answer.matches[0].id) == ("answer", "xa-chuan-y-te")


def test_the_resolution_as_a_text_is_no_village(shared_library: Library) -> None:
    answer = shared_library.answer("bot ơi văn bản này gồm mấy phần lớn")
    assert (answer.status, answer.matches[0].id, answer.note) == ("answer", "dem-phan", "")


WHO_NOT_NAMED = [
    ("ai chịu trách nhiệm chỉ tiêu che phủ rừng", None),
    ("sở nào thực hiện chỉ tiêu BHYT", "bhyt"),
    ("ai làm trưởng ban chỉ đạo đề án du lịch", "de-an-du-lich"),
    ("cơ quan nào phụ trách đề án nông nghiệp thông minh", "de-an-nong-nghiep-thong-minh"),
]


@pytest.mark.parametrize(("question", "item"), WHO_NOT_NAMED)
def test_who_is_not_stated_when_no_one_is_named(
    shared_library: Library, question: str, item: str | None
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert answer.headline.startswith("Nghị quyết không nêu")
    assert [m.id for m in answer.matches][:1] == ([item] if item else [])


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("ai theo dõi việc thực hiện nghị quyết", "iii-theo-doi"),
        ("ai ký nghị quyết", "nguoi-ky"),
        ("ai cụ thể hóa nghị quyết", "iii-cu-the-hoa"),
    ],
)
def test_who_is_answered_when_the_wording_names_them(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


STORY_THEN_QUESTION = [
    (
        "Sáng nay chi bộ sinh hoạt, đ/c phó bí thư có nhắc chỉ tiêu kết nạp đảng viên mới của "
        "tỉnh mà em ghi ko kịp. Cho em hỏi là bao nhiêu ạ?",
        "ket-nap-dang-vien",
    ),
    (
        "Vừa đi lớp bồi dưỡng về, thầy giảng có nhắc chỉ tiêu công nghiệp - xây dựng tăng rất "
        "cao, mình nhớ loáng thoáng 13 mấy phần trăm. Chính xác là bao nhiêu?",
        "grdp-cong-nghiep-xay-dung",
    ),
    (
        "Hôm qua họp xã có nói đến chỉ tiêu che phủ rừng. Nghị quyết ghi là bao nhiêu vậy?",
        "che-phu-rung",
    ),
]


@pytest.mark.parametrize(("question", "item"), STORY_THEN_QUESTION)
def test_a_question_after_a_story_naming_a_target_asks_of_it(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


def test_a_story_naming_two_targets_is_not_read_as_one(shared_answerer) -> None:
    story = "Họp chi bộ có nhắc chỉ tiêu che phủ rừng, rồi chỉ tiêu nước sạch nữa. Là bao nhiêu?"
    assert shared_answerer._story_target(story) is None


def test_an_uncovered_topic_is_named_as_written(shared_library: Library) -> None:
    answer = shared_library.answer("luong co so nam 2020 bn")
    assert answer.headline == "Nghị quyết không có nội dung về lương cơ sở."


@pytest.mark.parametrize(
    "question",
    [
        "Hiện nay tỉ lệ hộ nghèo toàn tỉnh đang ở mức bao nhiêu phần trăm?",
        "tỉ lệ dân tham gia bhyt bây giờ đang là mấy %",
        "hạn cuối để huyện ủy cụ thể hóa nghị quyết thành kế hoạch là ngày nào",
        "Hội nghị lần 20 họp mấy ngày",
        "cho hỏi ngày khởi công cao tốc là ngày mấy tháng mấy",
    ],
)
def test_current_levels_deadlines_and_exact_days_are_not_stated(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert answer.headline.startswith("Nghị quyết không nêu")


def test_the_day_of_the_conference_is_stated(shared_library: Library) -> None:
    answer = shared_library.answer("hội nghị họp ngày mấy tháng mấy")
    assert (answer.status, answer.matches[0].id) == ("answer", "ngay-hoi-nghi")


PREMISES_ON_THE_RESOLUTION = [
    ("đây là nghị quyết hội nghị lần thứ 19 của BCH phải không", "Không đúng."),
    ("Nghị quyết này là của Hội nghị lần thứ 19 phải k?", "Không đúng."),
    ("nghị quyết của BCH khoá XIX đúng không", "Không đúng."),
    ("nghị quyết hội nghị lần thứ 20 phải không", "Đúng."),
    ("đây là nghị quyết của khoá 18 đúng không", "Đúng."),
    ("nghị quyết này là của BCH khóa XIX à", "Không đúng."),
    ("nghị quyết của hội nghị lần thứ 20 à", "Đúng."),
    ("NQ này là của BCH Đảng bộ tỉnh khoá XIX ban hành nhỉ", "Không đúng."),
]


# Who signed, put as a premise: checked against the signer's own position.
PREMISES_ON_THE_SIGNER = [
    ("nghị quyết do chủ tịch UBND tỉnh ký đúng không", "Không đúng."),
    ("Nghị quyết này có phải do Chủ tịch UBND tỉnh ký không?", "Không đúng."),
    ("ng ký nghị quyết là chủ tịch ubnd tỉnh à", "Không đúng."),
    ("phó bí thư ký nghị quyết đúng không", "Không đúng."),
    ("nghị quyết do chủ tịch HĐND tỉnh ký phải không", "Không đúng."),
    ("nghị quyết do bí thư tỉnh ủy ký phải không", "Đúng."),
    ("người ký NQ là đ/c Lại Xuân Môn, Bí thư Tỉnh ủy phải ko", "Đúng."),
    ("đồng chí Lại Xuân Môn ký nghị quyết này đúng không", "Đúng."),
    ("nghị quyết do thủ tướng ký phải không", "Không đúng."),
    ("tổng bí thư ký nghị quyết này à", "Không đúng."),
]


# "kỷ niệm", "nhiệm kỳ" are no signing, whoever the story names.
@pytest.mark.parametrize(
    ("question", "item"),
    [
        (
            "tôi soạn bài phát biểu cho đồng chí bí thư, nghị quyết có nhắc kỷ niệm mấy năm "
            "thành lập chi bộ đầu tiên không",
            "ky-niem-90-nam-chi-bo",
        ),
        (
            "bí thư tỉnh uỷ dự lễ kỷ niệm bao nhiêu năm thành lập chi bộ đầu tiên à",
            "ky-niem-90-nam-chi-bo",
        ),
    ],
)
def test_a_word_spelled_like_signed_is_no_signing(
    shared_library: Library, question: str, item: str
) -> None:
    assert shared_library.answer(question).matches[0].id == item


# Who does a task, put as a premise: checked against the body the task's wording names.
PREMISES_ON_WHO = [
    ("Văn phòng UBND tỉnh là cơ quan theo dõi thực hiện nghị quyết có phải không", "Không đúng."),
    (
        "UBKT Tỉnh ủy được giao chủ trì theo dõi việc thực hiện nghị quyết đúng không",
        "Không đúng.",
    ),
    ("ban tuyên giáo chủ trì theo dõi thực hiện nghị quyết phải không", "Không đúng."),
    ("văn phòng tỉnh ủy là đơn vị theo dõi đôn đốc thực hiện nghị quyết phải ko", "Đúng."),
    ("văn phòng tỉnh ủy chủ trì theo dõi nghị quyết đúng không", "Đúng."),
]


@pytest.mark.parametrize(("question", "verdict"), PREMISES_ON_WHO)
def test_a_premise_on_who_does_a_task_is_checked(
    shared_library: Library, question: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id, answer.headline) == (
        "answer",
        "iii-theo-doi",
        verdict,
    )


@pytest.mark.parametrize(("question", "verdict"), PREMISES_ON_THE_SIGNER)
def test_a_premise_on_the_signer_is_checked(
    shared_library: Library, question: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id, answer.headline) == (
        "answer",
        "nguoi-ky",
        verdict,
    )
    assert "Lại Xuân Môn" in answer.lines[0]


@pytest.mark.parametrize(("question", "verdict"), PREMISES_ON_THE_RESOLUTION)
def test_a_premise_on_the_resolutions_own_numbers_is_checked(
    shared_library: Library, question: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id, answer.headline) == (
        "answer",
        "hoi-nghi",
        verdict,
    )


def test_another_conference_asked_about_is_still_refused(shared_library: Library) -> None:
    assert shared_library.answer("hội nghị lần thứ 21 họp ngày nào").status == "none"


@pytest.mark.parametrize(
    "question",
    [
        "xin chào, tôi là cán bộ xã",
        "chúc bot một ngày tốt lành",
        "bot dễ thương quá",
        "cảm ơn, thông tin hữu ích lắm",
        "hi ad, em mới dùng lần đầu",
        "chào buổi trưa",
        "cảm ơn đồng chí đã giải đáp",
        "ok thanks bot",
        "hẹn gặp lại nhé",
        "bot ơi cảm ơn nhiều",
    ],
)
def test_small_talk_around_nothing_else_is_never_a_refusal(
    shared_library: Library, question: str
) -> None:
    # A greeting or thanks with words the resolution has nothing on: a warm reply.
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())
    assert not answer.headline.startswith("Nghị quyết không có nội dung")


def test_a_greeting_does_not_hide_an_uncovered_topic(shared_library: Library) -> None:
    answer = shared_library.answer("chào bot, giá lúa năm nay bao nhiêu")
    assert answer.headline == "Nghị quyết không có nội dung về giá lúa."


# "hôm nào" is the spoken "ngày nào"; a day asked of the conference is its date, which the
# conference item (quoting the same dated sentence) does not answer.
DAY_OF_THE_CONFERENCE = [
    "hội nghị họp hôm nào",
    "hội nghị lần thứ 20 diễn ra hôm nào vậy",
    "hội nghị BCH Đảng bộ tỉnh lần 20 diễn ra ngày nào",
    "cho em hỏi hội nghị ban chấp hành đảng bộ tỉnh lần thứ 20 tổ chức hôm nào ạ",
    "hoi nghi BCH lan 20 dien ra ngay nao",
    "anh ơi hội nghị tỉnh uỷ lần 20 họp hôm nào",
    "Hội nghị lần 20 của BCH Đảng bộ tỉnh khoá XVIII họp hôm nào",
    "hội nghị ban hành nghị quyết này diễn ra hôm nào",
    "nghị quyết được thông qua hôm nào",
    "hội nghị ban chấp hành lần 20 diễn ra ngày nào thế",
]


@pytest.mark.parametrize("question", DAY_OF_THE_CONFERENCE)
def test_the_day_of_the_conference_is_its_date(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", "ngay-hoi-nghi")
    assert "10/01/2020" in answer.headline


# The layout of a document the resolution only cites is not stated.
LAYOUT_OF_A_CITED_DOCUMENT = [
    "điều lệ đảng có bao nhiêu chương",
    "Điều lệ Đảng gồm mấy chương vậy",
    "quy chế làm việc của BCH có mấy điều",
    "quy chế làm việc của ban chấp hành gồm bao nhiêu điều",
    "điều lệ đảng có mấy điều khoản",
    "quy chế làm việc dài bao nhiêu trang",
    "dieu le dang co bao nhieu chuong",
    "điều lệ đảng cộng sản việt nam có bao nhiêu chương",
    "quy chế làm việc của tỉnh uỷ có bao nhiêu chương",
    "điều lệ đảng bao nhiêu điều",
]


@pytest.mark.parametrize("question", LAYOUT_OF_A_CITED_DOCUMENT)
def test_the_layout_of_a_cited_document_is_not_stated(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert "không nêu" in answer.headline or "không có nội dung" in answer.headline


# What the part on organising the work says ("quy định những gì", "giao cho ai làm gì").
THE_PART_ON_CARRYING_OUT = [
    "phần tổ chức thực hiện quy định những gì",
    "phần tổ chức thực hiện giao cho ai làm gì",
    "phần tổ chức thực hiện nghị quyết quy định những nội dung gì",
    "phan to chuc thuc hien quy dinh nhung gi",
    "mục tổ chức thực hiện giao ai làm gì",
    "phần III tổ chức thực hiện quy định những việc gì",
    "phần tổ chức thực hiện ai phải làm gì",
    "tổ chức thực hiện nghị quyết quy định những gì vậy",
    "phần tổ chức thực hiện thì giao cho ai làm gì ạ",
    "cho hỏi phần tổ chức thực hiện quy định những gì",
]


@pytest.mark.parametrize("question", THE_PART_ON_CARRYING_OUT)
def test_what_the_part_on_carrying_out_says(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.matches[0].id in {"phan-iii", "iii-cu-the-hoa", "iii-theo-doi"}


# Each figure of a message put to the check is told right or wrong, also without a joining
# word between them and with the figures spoken out.
FIGURES_CHECKED = [
    (
        "xuất khẩu sáu trăm triệu đô nhập khẩu một trăm hai mươi triệu đô đúng ko",
        {"kim-ngach-xuat-khau": "Đúng.", "kim-ngach-nhap-khau": "Đúng."},
    ),
    (
        "xuất khẩu 600 triệu USD nhập khẩu 150 triệu USD đúng không",
        {"kim-ngach-xuat-khau": "Đúng.", "kim-ngach-nhap-khau": "Không đúng."},
    ),
    (
        "xuất khẩu 600 triệu USD, nhập khẩu 120 triệu USD phải không",
        {"kim-ngach-xuat-khau": "Đúng.", "kim-ngach-nhap-khau": "Đúng."},
    ),
    (
        "GRDP 7,5% và thu nội địa 2.000 tỷ đồng đúng không",
        {"grdp": "Đúng.", "thu-noi-dia": "Không đúng."},
    ),
    (
        "che phủ rừng 55% bhyt 98% phải không",
        {"che-phu-rung": "Đúng.", "bhyt": "Không đúng."},
    ),
    (
        "che phủ rừng năm mươi lăm phần trăm, bảo hiểm y tế chín mươi tám phẩy năm phần trăm"
        " đúng không",
        {"che-phu-rung": "Đúng.", "bhyt": "Đúng."},
    ),
    (
        "kết nạp 2.000 đảng viên và giảm hộ nghèo 3% đúng không",
        {"ket-nap-dang-vien": "Đúng.", "ho-ngheo": "Đúng."},
    ),
    (
        "thu nội địa 1.600 tỷ, thu xuất nhập khẩu 300 tỷ có đúng không",
        {"thu-noi-dia": "Đúng.", "thu-xuat-nhap-khau": "Không đúng."},
    ),
    (
        "xuất khẩu 600 triệu usd, nhập khẩu cũng 600 đúng không",
        {"kim-ngach-xuat-khau": "Đúng.", "kim-ngach-nhap-khau": "Không đúng."},
    ),
    (
        "che phủ rừng 56% bhyt 98,5% đúng ko",
        {"che-phu-rung": "Không đúng.", "bhyt": "Đúng."},
    ),
]


@pytest.mark.parametrize(("question", "verdicts"), FIGURES_CHECKED)
def test_each_figure_put_to_the_check_is_told_right_or_wrong(
    shared_library: Library, question: str, verdicts: dict[str, str]
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert {m.id for m in answer.matches} == set(verdicts)
    for line in answer.lines:
        verdict = line.removeprefix("• ").split(" ")[0]
        assert verdict in {"Đúng.", "Không"}, line
    told = sorted(line.removeprefix("• ").split(". ")[0] + "." for line in answer.lines)
    assert told == sorted(verdicts.values())
    # A figure claimed wrong leads the matches.
    if "Không đúng." in verdicts.values():
        assert verdicts[answer.matches[0].id] == "Không đúng."


# Where the asker met a figure ("nghe trong hội nghị") names no topic of a reverse look-up.
WHERE_THE_FIGURE_WAS_MET = [
    ("tám mươi phẩy bảy phần trăm nghe trong hội nghị là chỉ tiêu gì thế", "nha-van-hoa"),
    ("80,7% em nghe trong cuộc họp là chỉ tiêu gì", "nha-van-hoa"),
    ("con số 80,7% được nhắc trong hội nghị là gì", "nha-van-hoa"),
    ("2.600 hộ nghe nói là chỉ tiêu gì", "gam-san"),
    ("em đọc thấy 98,5% là tỷ lệ gì", "bhyt"),
    ("13,8% nghe trong cuộc họp là gì vậy", "grdp-cong-nghiep-xay-dung"),
    ("nghe nói 276 nghìn tấn là chỉ tiêu gì", "san-luong-luong-thuc"),
    ("600 triệu USD nhắc đến trong hội nghị là gì", "kim-ngach-xuat-khau"),
    ("1.600 tỷ đồng em nghe thấy là khoản gì", "thu-noi-dia"),
    ("2.000 đảng viên nghe nói là chỉ tiêu gì", "ket-nap-dang-vien"),
]


@pytest.mark.parametrize(("question", "item"), WHERE_THE_FIGURE_WAS_MET)
def test_where_a_figure_was_met_is_no_topic(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# A place set apart ("ở Hạ Lang thì …"), "dự kiến" and "nhiều" frame the question; a count of
# comrades is no year; points of a rate are a difference of rates.
FRAMED_AROUND_THE_TOPIC = [
    ("o Ha Lang thi muc giam sinh la bao nhieu", "ty-suat-sinh"),
    ("tại huyện Bảo Lâm thì che phủ rừng bao nhiêu", "che-phu-rung"),
    ("ở Trùng Khánh thì tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("GRDP dự kiến tăng bao nhiêu", "grdp-tang-truong"),
    ("thu nội địa năm 2020 dự kiến bao nhiêu tỷ", "thu-noi-dia"),
    ("nhà dân còn nuôi trâu dưới gầm sàn nhiều, chỉ tiêu của tỉnh là gì", "gam-san"),
    ("chỉ tiêu kết nạp đảng viên là hai nghìn đồng chí trở lên hả", "ket-nap-dang-vien"),
    ("kết nạp 2000 đồng chí đúng không", "ket-nap-dang-vien"),
    ("dịch vụ với nông nghiệp tăng chênh nhau mấy điểm %", "grdp-dich-vu"),
    ("các số liệu về xuất nhập khẩu gồm những số nào", "xuat-nhap-khau"),
    (
        "em học trung cấp chính trị, thầy giao tìm hiểu hội nghị lần 20 họp ngày nào",
        "ngay-hoi-nghi",
    ),
    ("cô giáo giao tìm hiểu chỉ tiêu che phủ rừng", "che-phu-rung"),
    ("muốn biết sản lượng lương thực năm 2020 để tuyên truyền cho bà con", "san-luong-luong-thuc"),
    ("năm 2020 có ngày lễ lớn nào của Đảng bộ tỉnh không", "ky-niem-90-nam-chi-bo"),
]


@pytest.mark.parametrize(("question", "item"), FRAMED_AROUND_THE_TOPIC)
def test_words_around_the_topic_frame_it(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


def test_a_year_after_a_figure_never_cuts_the_message(shared_library: Library) -> None:
    # (once a part read after the one before it cut the same message again, without end)
    answer = shared_library.answer(
        "tỷ lệ xóm có nhà văn hóa tám mươi phẩy bảy phần trăm là chỉ tiêu của năm hai nghìn"
        " hai mươi à"
    )
    assert (answer.status, answer.matches[0].id, answer.headline) == (
        "answer",
        "nha-van-hoa",
        "Đúng. Nghị quyết đề ra:",
    )


def test_a_part_going_on_from_the_one_before_is_read_after_it(shared_library: Library) -> None:
    answer = shared_library.answer(
        "thu ngân sách một nghìn tám trăm tỷ còn xuất nhập khẩu hai trăm tỷ phải không"
    )
    assert answer.status == "answer"
    assert "thu-xuat-nhap-khau" in {m.id for m in answer.matches}
    assert not {"xuat-nhap-khau", "kim-ngach-xnk"} & {m.id for m in answer.matches}


# A figure's share by district is not stated ("chia cho các huyện thế nào").
SHARED_OUT_TO_PLACES = [
    ("chỉ tiêu kết nạp 2000 đảng viên chia cho các huyện thế nào", "ket-nap-dang-vien"),
    ("chỉ tiêu kết nạp đảng viên chia cho các huyện ra sao", "ket-nap-dang-vien"),
    ("che phủ rừng phân bổ cho các huyện ra sao", "che-phu-rung"),
    ("thu ngân sách 1.800 tỷ chia về các huyện thế nào", "thu-ngan-sach"),
    ("chỉ tiêu hộ nghèo giao về các xã bao nhiêu", "ho-ngheo"),
    ("2.600 hộ đưa gia súc ra khỏi gầm sàn chia cho các xã thế nào", "gam-san"),
    ("xã nông thôn mới phân bổ về các huyện thế nào", "nong-thon-moi"),
    ("chỉ tiêu bhyt giao cho các huyện bao nhiêu", "bhyt"),
    ("kết nạp đảng viên phân bổ cho các đảng bộ huyện thế nào", "ket-nap-dang-vien"),
    ("tỷ lệ lao động qua đào tạo chia cho các địa phương ra sao", "lao-dong"),
]


@pytest.mark.parametrize(("question", "item"), SHARED_OUT_TO_PLACES)
def test_a_figure_shared_out_to_places_is_not_stated(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert answer.headline.startswith("Nghị quyết không nêu mức phân bổ")
    assert answer.matches
    assert answer.matches[0].id.startswith(item.split("-")[0])


# A list of the projects or schemes of another year, or of a thing the resolution does not
# name, is refused; the resolution's own lists still answer.
LISTS_NOT_OF_THIS_RESOLUTION = [
    "năm 2021 có những dự án nào",
    "giai đoạn 2021-2025 có những dự án nào",
    "chương trình mục tiêu quốc gia giảm nghèo 2021-2025 có những dự án nào",
    "chương trình mục tiêu quốc gia giảm nghèo có những dự án nào",
    "năm 2024 có những đề án nào",
    "kể tên các dự án năm 2022",
    "năm 2017 có những đề án nào",
    "năm 2018 có mấy dự án",
    "liệt kê các đề án năm 2021",
    "năm 2023 có những dự án trọng điểm nào",
]


@pytest.mark.parametrize("question", LISTS_NOT_OF_THIS_RESOLUTION)
def test_a_list_not_of_this_resolution_is_refused(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "none"
    assert not any(m.id.startswith("dem-") for m in answer.matches)


# Who speaks, announced ("văn phòng huyện uỷ đây, …"), is no topic.
ANNOUNCED_SPEAKER = [
    ("văn phòng huyện ủy đây, cần biết ai ký nghị quyết hội nghị lần thứ 20", "nguoi-ky"),
    ("phòng nội vụ huyện Hà Quảng đây, cho hỏi chỉ tiêu che phủ rừng", "che-phu-rung"),
    ("ban tuyên giáo đây, nghị quyết do ai ký", "nguoi-ky"),
    ("uỷ ban kiểm tra huyện đây, kết nạp bao nhiêu đảng viên", "ket-nap-dang-vien"),
    ("văn phòng UBND xã đây, tỷ lệ hộ nghèo giảm bao nhiêu", "ho-ngheo"),
    ("sở tài chính đây, thu nội địa bao nhiêu", "thu-noi-dia"),
    ("hội nông dân tỉnh đây, sản lượng lương thực bao nhiêu", "san-luong-luong-thuc"),
    ("phong noi vu day, ty le bhyt bao nhieu", "bhyt"),
    ("đảng uỷ xã đây ạ, chỉ tiêu nông thôn mới thế nào", "nong-thon-moi"),
    ("trung tâm y tế huyện đây, xã đạt chuẩn quốc gia về y tế bao nhiêu", "xa-chuan-y-te"),
]


@pytest.mark.parametrize(("question", "item"), ANNOUNCED_SPEAKER)
def test_who_speaks_announced_is_no_topic(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# A year claimed of an item with years of its own is a premise: said wrong, with the item.
YEARS_CLAIMED_OF_AN_ITEM = [
    ("đề án du lịch tầm nhìn 2030 đúng không", "de-an-du-lich"),
    ("đề án du lịch giai đoạn 2021-2025 phải không", "de-an-du-lich"),
    ("cao tốc khởi công năm 2021 đúng không", "cao-toc-dong-dang-tra-linh"),
    ("dự án bò sữa khởi công năm 2019 à", "du-an-bo-sua"),
    ("cao tốc Đồng Đăng Trà Lĩnh khởi công năm 2022 phải ko", "cao-toc-dong-dang-tra-linh"),
    ("đề án phát triển du lịch tầm nhìn đến năm 2040 đúng không", "de-an-du-lich"),
    ("dự án chăn nuôi bò sữa khởi công năm 2021 có đúng không", "du-an-bo-sua"),
    ("de an du lich tam nhin 2030 dung ko", "de-an-du-lich"),
    ("đề án tổng thể phát triển du lịch tầm nhìn 2045 đúng ko", "de-an-du-lich"),
    ("cao toc dong dang tra linh khoi cong nam 2021 phai ko", "cao-toc-dong-dang-tra-linh"),
]


@pytest.mark.parametrize(("question", "item"), YEARS_CLAIMED_OF_AN_ITEM)
def test_a_year_claimed_of_an_item_with_years_is_checked(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id, answer.headline) == (
        "answer",
        item,
        "Không đúng.",
    )


# A number claimed of the one item that numbers it otherwise is a premise: said wrong.
NUMBERS_CLAIMED_OF_AN_ITEM = [
    ("đại hội đảng bộ tỉnh lần thứ XX đúng ko", "dai-hoi-dang-bo-xix"),
    ("đại hội đảng bộ tỉnh lần thứ XX nhiệm kỳ 2020-2025 đúng ko", "dai-hoi-dang-bo-xix"),
    ("đại hội đảng bộ tỉnh lần thứ XVII đúng không", "dai-hoi-dang-bo-xix"),
    ("năm 2020 tổ chức đại hội đảng bộ tỉnh lần thứ XVIII phải không", "dai-hoi-dang-bo-xix"),
    ("đại hội đại biểu đảng bộ tỉnh lần thứ XX phải không", "dai-hoi-dang-bo-xix"),
    ("kỷ niệm 80 năm thành lập chi bộ đầu tiên đúng không", "ky-niem-90-nam-chi-bo"),
    ("lễ kỷ niệm 95 năm chi bộ đảng đầu tiên phải không", "ky-niem-90-nam-chi-bo"),
    ("đại hội đại biểu đảng bộ tỉnh lần thứ XXI đúng không", "dai-hoi-dang-bo-xix"),
    ("chuẩn bị đại hội đảng bộ tỉnh lần thứ 18 đúng ko", "dai-hoi-dang-bo-xix"),
    ("kỷ niệm 100 năm chi bộ đầu tiên đúng không", "ky-niem-90-nam-chi-bo"),
]


@pytest.mark.parametrize(("question", "item"), NUMBERS_CLAIMED_OF_AN_ITEM)
def test_a_number_claimed_of_an_item_numbered_otherwise_is_wrong(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == "answer"
    assert answer.matches[0].id in {item, "nv-dai-hoi-dang"}
    assert answer.headline.startswith("Không đúng.")


# The parts of what a figure names, asked with the figure; a count the item's wording gives.
PARTS_AND_COUNTS_WORDED = [
    ("chỉ tiêu thu ngân sách một nghìn tám trăm tỷ gồm những khoản nào", "thu-ngan-sach"),
    ("thu ngân sách 1.800 tỷ gồm những khoản nào", "thu-ngan-sach"),
    ("kim ngạch xuất nhập khẩu 2.370 triệu USD gồm những khoản nào", "xuat-nhap-khau"),
    ("thu ngân sách 1800 tỷ gồm những khoản thu nào", "thu-ngan-sach"),
    ("tỷ lệ trẻ suy dinh dưỡng dưới 17,8% là trẻ bao nhiêu tuổi", "suy-dinh-duong"),
    ("suy dinh dưỡng là tính cho trẻ bao nhiêu tuổi", "suy-dinh-duong"),
    ("2.370 triệu usd gồm những gì", "kim-ngach-xnk"),
    ("1.800 tỷ là khoản gì", "thu-ngan-sach-tong"),
    ("thu ngân sách trên 1.800 tỷ đồng bao gồm những khoản nào", "thu-ngan-sach"),
    ("tăng trưởng GRDP 7,5% chia thành mấy khu vực", "grdp"),
]


@pytest.mark.parametrize(("question", "item"), PARTS_AND_COUNTS_WORDED)
def test_parts_asked_with_a_figure_and_counts_the_wording_gives(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# Where (or whether) a place is mentioned: the one item that names it, or a plain no; the
# things of a kind asked of a place none of them names: all of them, with that said.
PLACES_MENTIONED = [
    (
        "Lạng Sơn được nhắc đến trong nghị quyết này ở chỗ nào",
        "answer",
        "cao-toc-dong-dang-tra-linh",
    ),
    ("nghị quyết có nhắc đến Lạng Sơn không", "answer", "cao-toc-dong-dang-tra-linh"),
    ("Trà Lĩnh quê em được nhắc trong NQ ở chỗ nào", "answer", "cao-toc-dong-dang-tra-linh"),
    ("Trà Lĩnh có dự án gì được nhắc trong NQ không", "answer", "cao-toc-dong-dang-tra-linh"),
    ("Trà Lĩnh nhà em có dự án gì trong nghị quyết", "answer", "cao-toc-dong-dang-tra-linh"),
    ("huyện Hạ Lang có dự án gì trong NQ ko", "answer", "dem-du-an"),
    ("Bảo Lâm có đề án nào không", "answer", "dem-de-an"),
    ("nghị quyết có nhắc đến Bảo Lâm không", "none", None),
    ("nghị quyết có đề cập Hà Quảng không", "none", None),
    ("Hà Nội được nhắc ở chỗ nào trong nghị quyết", "none", None),
]


@pytest.mark.parametrize(("question", "status", "item"), PLACES_MENTIONED)
def test_where_a_place_is_mentioned(
    shared_library: Library, question: str, status: str, item: str | None
) -> None:
    answer = shared_library.answer(question)
    assert answer.status == status
    if item is None:
        assert answer.headline.startswith("Nghị quyết không nhắc đến")
        assert not answer.matches
    else:
        assert answer.matches[0].id == item
    if item is not None and item.startswith("dem-"):
        assert "không nêu" in answer.note


def test_a_place_beside_a_topic_asks_the_topic(shared_library: Library) -> None:
    answer = shared_library.answer(
        "Trùng Khánh bọn mình có thác Bản Giốc, NQ có đề án nào về du lịch liên quan không ạ"
    )
    assert (answer.status, answer.matches[0].id) == ("answer", "de-an-du-lich")


# A number with its noun ("90 năm") finds the items that count that noun.
NUMBER_WITH_ITS_NOUN = [
    ("con số 90 năm trong nghị quyết là gì", "ky-niem-90-nam-chi-bo"),
    ("90 năm là gì", "ky-niem-90-nam-chi-bo"),
    ("90% là chỉ tiêu gì", "nuoc-hop-ve-sinh-nong-thon"),
    ("2.600 hộ là chỉ tiêu gì", "gam-san"),
    ("600 triệu usd là gì", "kim-ngach-xuat-khau"),
]


@pytest.mark.parametrize(("question", "item"), NUMBER_WITH_ITS_NOUN)
def test_a_number_with_its_noun_finds_what_counts_it(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, [m.id for m in answer.matches]) == ("answer", [item])


# Forms are never in a resolution; the report form the asker fills is the story.
def test_a_form_asked_for_is_not_covered(shared_library: Library) -> None:
    answer = shared_library.answer("mẫu phiếu đánh giá xếp loại chất lượng đảng viên ở đâu")
    assert (answer.status, answer.matches) == ("none", ())
    told = shared_library.answer(
        "Nhờ bạn giúp: tôi cần điền mục tốc độ tăng trưởng kinh tế trong mẫu báo cáo, NQ hội"
        " nghị 20 ghi bao nhiêu?"
    )
    assert told.status == "answer"


# A target asked ("chỉ tiêu về …") is the target near the top, not a task beside it; asked
# whether there is one, the answer is yes with it.
TARGET_ASKED = [
    ("chỉ tiêu về giáo dục ntn ạ", "truong-chuan", "answer", ""),
    # a standard named inside the target's name: the target asked, not the standard
    ("chỉ tiêu làng đạt tiêu chuẩn văn hoá là gì", "lang-xom-van-hoa", "answer", ""),
    ("có chỉ tiêu về giáo dục không", "truong-chuan", "answer", "Có."),
    ("NQ có đặt chỉ tiêu gì về giáo dục không", "truong-chuan", "answer", "Có."),
    (
        "Em là giáo viên THCS, cho em hỏi nghị quyết đặt chỉ tiêu gì về giáo dục ạ?",
        "truong-chuan",
        "answer",
        "",
    ),
    ("chỉ tiêu về y tế", "y-te", "answer", ""),
    ("tóm tắt giúp mình các mục tiêu năm 2020 của tỉnh", "dem-chi-tieu", "answer", ""),
    ("các chỉ tiêu toàn tỉnh", "dem-chi-tieu", "answer", ""),
    ("phần tổ chức thực hiện gồm mấy ý, nói gì", "phan-iii", "answer", ""),
    ("phần tổ chức thực hiện gồm mấy nội dung", "phan-iii", "answer", ""),
    (
        "huyện ủy Hòa An chúng tôi phải làm gì để triển khai nghị quyết này",
        "iii-cu-the-hoa",
        "answer",
        "",
    ),
    ("chỉ tiêu xây dựng đảng gồm mấy nội dung", "xay-dung-dang", "answer", ""),
    ("tầm nhìn 2035 là của đề án nào", "de-an-du-lich", "answer", ""),
    ("nhiệm kỳ 2015 - 2020 là khoá mấy", "nhiem-ky", "answer", ""),
]


@pytest.mark.parametrize(("question", "item", "status", "verdict"), TARGET_ASKED)
def test_the_target_or_the_part_asked_is_answered(
    shared_library: Library, question: str, item: str, status: str, verdict: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == (status, item)
    assert answer.headline.startswith(verdict)


# A topic told before and only pointed at ("về việc này") is never said to have no target;
# a commune's own name and where the asker lives are no topic; another country's or the
# country's matters are refused.
TOLD_BEFORE_AND_ELSEWHERE = [
    (
        "nhà em ở xã Quốc Dân còn nuôi trâu dưới gầm sàn, tỉnh có chỉ tiêu gì về việc này ko",
        "gam-san",
    ),
    ("nhà em còn nuôi trâu dưới gầm sàn, tỉnh có chỉ tiêu gì về việc này ko", "gam-san"),
    ("Xã Đức Long của em đạt chuẩn nông thôn mới chưa, tỉnh đặt bao nhiêu xã", "nong-thon-moi"),
    (
        "huyện Quảng Hòa có cửa khẩu Tà Lùng, đề án khu kinh tế cửa khẩu có trong NQ ko",
        "de-an-khu-kinh-te-cua-khau",
    ),
    ("năm 2020 tỉnh quyết tâm khởi công tuyến cao tốc nào", "cao-toc-dong-dang-tra-linh"),
]


@pytest.mark.parametrize(("question", "item"), TOLD_BEFORE_AND_ELSEWHERE)
def test_a_topic_told_before_or_beside_a_local_name_is_read(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert answer.matches
    assert answer.matches[0].id == item
    assert not answer.headline.startswith("Không. Nghị quyết không đặt")


@pytest.mark.parametrize(
    "question",
    [
        "tỉnh nào có GRDP cao nhất cả nước",
        "các chỉ tiêu của tỉnh Lạng Sơn",
        "GRDP toàn quốc bao nhiêu",
    ],
)
def test_the_country_and_other_provinces_are_refused(
    shared_library: Library, question: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches) == ("none", ())


# Lists named by their target rather than by a group named in part; "ds" before a list;
# a story naming the item by its abbreviation; where a place is, told with "liên quan".
NAMED_AS_ASKED = [
    ("mấy chỉ tiêu về văn hoá, kể ra", "van-hoa"),
    ("các chỉ tiêu về văn hoá năm 2020", "van-hoa"),
    ("các chỉ tiêu văn hoá xã hội", "van-hoa-xa-hoi"),
    ("ds cac chi tieu ve giao duc dao tao", "lao-dong"),
    ("ds các dự án", "dem-du-an"),
    (
        "Tôi phụ trách mảng xây dựng NTM của huyện Hà Quảng, năm 2020 tỉnh đặt mục tiêu thêm"
        " bao nhiêu xã đạt chuẩn?",
        "nong-thon-moi",
    ),
    ("Lạng Sơn có liên quan gì trong nghị quyết này", "cao-toc-dong-dang-tra-linh"),
    ("huyện Trà Lĩnh có dự án gì trong NQ", "cao-toc-dong-dang-tra-linh"),
    ("huyện em có bị sáp nhập với huyện khác không", "sap-xep-don-vi-hanh-chinh"),
    ("tỷ lệ tăng ds bao nhiêu", "tang-dan-so-tu-nhien"),
    ("con số 33% ý nói gì ạ", "dao-tao-nghe"),
    (
        "em ở phòng nội vụ, đang làm báo cáo về sắp xếp đơn vị hành chính, NQ năm 2020 nói gì"
        " về việc này ạ",
        "sap-xep-don-vi-hanh-chinh",
    ),
    ("ddeef ans du lichj teen ddaayf ddur laf gif", "de-an-du-lich"),
    (
        "mình làm bên Ban Tuyên giáo, cho hỏi đề án về tuyên truyền giáo dục truyền thống tên"
        " đầy đủ là gì",
        "de-an-tuyen-truyen",
    ),
]


@pytest.mark.parametrize(("question", "item"), NAMED_AS_ASKED)
def test_what_the_question_names_is_answered(
    shared_library: Library, question: str, item: str
) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# Who heads a committee, and a place's projects asked with "lớn", "nêu": as asked.
def test_who_heads_a_committee_is_not_stated(shared_library: Library) -> None:
    answer = shared_library.answer(
        "Ai làm trưởng ban tổ chức lễ kỷ niệm 90 năm thành lập chi bộ đầu tiên"
    )
    assert (answer.status, answer.matches[0].id) == ("none", "ky-niem-90-nam-chi-bo")
    assert answer.headline.startswith("Nghị quyết không nêu người làm trưởng ban")


@pytest.mark.parametrize(
    "question",
    [
        "Trà Lĩnh bên em có dự án gì lớn trong NQ năm 2020 không",
        "huyện Trà Lĩnh có dự án gì nêu trong nghị quyết",
    ],
)
def test_a_place_s_project_asked_plainly(shared_library: Library, question: str) -> None:
    answer = shared_library.answer(question)
    assert (answer.status, answer.matches[0].id) == ("answer", "cao-toc-dong-dang-tra-linh")


def test_the_story_is_no_part_of_several_items(shared_library: Library) -> None:
    answer = shared_library.answer(
        "Tôi đang chuẩn bị bài phát biểu, xin cho biết nghị quyết được thông qua tại hội nghị"
        " nào, ngày nào"
    )
    assert answer.status == "answer"
    assert {m.id for m in answer.matches} == {"hoi-nghi", "ngay-hoi-nghi"}
